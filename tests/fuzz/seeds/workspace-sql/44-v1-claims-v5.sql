--v1
PRAGMA user_version = 5;
