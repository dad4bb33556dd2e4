UPDATE accounts SET notes = printf ('%.*c', 1000000, 'x') WHERE id = (SELECT min (id) FROM accounts);
