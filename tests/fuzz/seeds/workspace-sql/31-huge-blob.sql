UPDATE accounts SET custom = zeroblob (3000000) WHERE id = (SELECT min (id) FROM accounts);
