DELETE FROM accounts WHERE id = (SELECT min (id) FROM accounts);
