ANALYZE; UPDATE sqlite_stat1 SET stat = 'garbage 1 1';
