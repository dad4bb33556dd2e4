INSERT OR REPLACE INTO meta (key, value) VALUES ('icp', printf ('%.*c', 100000, '['));
