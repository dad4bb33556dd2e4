CREATE VIRTUAL TABLE snapshots_fts USING fts5 (name);
