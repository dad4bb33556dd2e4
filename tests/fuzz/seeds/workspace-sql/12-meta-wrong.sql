DROP TABLE meta; CREATE TABLE meta (k, v, w);
