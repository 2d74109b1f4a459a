-- Strings that hold what would otherwise end a statement or open a comment.
CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);
INSERT INTO notes (id, body) VALUES (1, 'semi; colon');
INSERT INTO notes (id, body) VALUES (2, 'dash -- not a comment');
INSERT INTO notes (id, body) VALUES (3, 'slash /* not a comment');
INSERT INTO notes (id, body) VALUES (4, 'it''s; still one string');
INSERT INTO notes (id, body) VALUES (5, '*/ closes nothing; ''--'' neither');
INSERT INTO notes (id, body)
VALUES (6, 'spans
two lines; with a semicolon');
INSERT INTO notes (id, body) VALUES (7, ''); INSERT INTO notes (id, body) VALUES (8, '''');
SELECT 'BEGIN' AS a, 'END;' AS b, 'CASE' AS c
