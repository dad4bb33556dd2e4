DROP INDEX activities_account; CREATE INDEX activities_account ON activities (account_id) WHERE day > '2000';
