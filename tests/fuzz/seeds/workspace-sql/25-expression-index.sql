DROP INDEX accounts_domain; CREATE UNIQUE INDEX accounts_domain ON accounts (lower (domain));
