UPDATE accounts SET domain = NULL, industry = NULL, custom = NULL; UPDATE meta SET value = NULL;
