WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300)
INSERT INTO stakeholders (account_id, name, reports_to, created, modified)
  SELECT (SELECT min (id) FROM accounts), 'P' || i, NULLIF (i - 1, 0) + (SELECT max (id) FROM stakeholders), '', '' FROM n;
