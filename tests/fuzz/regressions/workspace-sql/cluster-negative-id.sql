INSERT INTO clusters (id, name, note, created) VALUES (-1, 'neg', NULL, ''), (9223372036854775807, 'max', x'ff', ''); UPDATE accounts SET cluster_id = 9223372036854775807;
