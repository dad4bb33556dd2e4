UPDATE accounts SET id = -id; UPDATE stakeholders SET id = id + 9223372036854775000;
