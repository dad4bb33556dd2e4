ALTER TABLE clusters RENAME TO clusters_old; CREATE VIEW clusters AS SELECT id, name, note, created FROM clusters_old;
