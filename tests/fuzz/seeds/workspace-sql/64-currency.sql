UPDATE meta SET value = 'EURO💶' WHERE key = 'currency'; UPDATE meta SET value = printf ('%.*c', 100000, 'n') WHERE key = 'name';
