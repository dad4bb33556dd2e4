UPDATE opportunities SET amount = 1e308 * 10, status = 'won', created_date = '2026-01-01', closed_date = '1900-01-01', stage = NULL;
