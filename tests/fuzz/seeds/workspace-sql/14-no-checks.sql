PRAGMA writable_schema = ON; UPDATE sqlite_schema SET sql = replace (sql, 'CHECK', ', CHECK') WHERE name = 'stakeholders'; PRAGMA writable_schema = RESET;
