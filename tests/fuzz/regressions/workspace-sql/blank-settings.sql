UPDATE accounts SET name = '', domain = '', stage = '', custom = ''; UPDATE meta SET value = '';
