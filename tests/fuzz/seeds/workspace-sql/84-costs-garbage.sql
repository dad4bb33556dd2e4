INSERT INTO program_costs (tier, period, amount) VALUES (0, '2026-Q9', 1e300), (1, 'forever', 0), (2, '2026-01-01..2025-01-01', 5);
