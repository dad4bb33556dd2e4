PRAGMA journal_mode = DELETE; PRAGMA page_size = 65536; VACUUM;
