PRAGMA journal_mode = DELETE; PRAGMA auto_vacuum = FULL; VACUUM;
