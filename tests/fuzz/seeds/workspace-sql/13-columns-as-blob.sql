PRAGMA writable_schema = ON; UPDATE sqlite_schema SET sql = replace (sql, 'TEXT', 'BLOB') WHERE name = 'accounts'; PRAGMA writable_schema = RESET;
