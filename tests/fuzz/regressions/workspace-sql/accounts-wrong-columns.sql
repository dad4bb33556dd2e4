DROP TABLE accounts; CREATE TABLE accounts (id INTEGER PRIMARY KEY, name);
