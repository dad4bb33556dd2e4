UPDATE accounts SET name = CAST (x'41004200' AS TEXT), domain = CAST (x'610062002e636f6d' AS TEXT);
