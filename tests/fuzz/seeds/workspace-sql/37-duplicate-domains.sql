DROP INDEX accounts_domain; UPDATE accounts SET domain = 'same.example';
