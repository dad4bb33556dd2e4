INSERT OR IGNORE INTO stakeholder_links (from_id, to_id, kind) VALUES (1, 1, 'influences'), (1, 424242, 'conflicts'), (-3, 2, 'influences');
