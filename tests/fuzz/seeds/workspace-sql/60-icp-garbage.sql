UPDATE meta SET value = '{"version": 1, "criteria": [{"kind": "employees", "min": 1e400, "max": -0, "weight": 1e308}]}' WHERE key = 'icp';
