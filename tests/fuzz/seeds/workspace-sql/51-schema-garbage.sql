PRAGMA writable_schema = ON; UPDATE sqlite_schema SET sql = 'CREATE TABLE plays (' WHERE name = 'plays';
