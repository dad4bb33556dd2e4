UPDATE meta SET value = CAST (x'ff7b' AS TEXT) WHERE key NOT IN ('name', 'currency');
