INSERT OR REPLACE INTO meta (key, value) SELECT key, '{"x": [1, 2, {}], "weights": {"meeting": -1e308}}' FROM meta WHERE key LIKE 'setting%';
