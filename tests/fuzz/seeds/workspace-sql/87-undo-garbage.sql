INSERT INTO undo_log (created, description, payload) VALUES ('2999-01-01T00:00:00Z', 'x', '{"kind": "account", "account": 5}');
