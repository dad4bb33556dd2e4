INSERT OR REPLACE INTO meta (key, value) VALUES
  ('setting:tier-rules', ' '), ('setting:coverage', '[]'), ('setting:engagement', '{"weights": 5}'),
  ('setting:readiness', '{"answers": {"x": 1}}'), ('setting:plans', '{"offerings": [1, null, ""]}'),
  ('setting:play-template-tier-1', '[{"channel": "email", "offset-days": -99999}]'),
  ('setting:play-template-cluster', 'null'), ('icp', '{"format": "abm-icp", "version": 2}'),
  ('uid', NULL), ('created', 'yesterday'), ('next_account_id', 'x');
