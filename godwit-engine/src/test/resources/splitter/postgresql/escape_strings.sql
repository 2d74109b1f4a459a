CREATE TABLE msg (id integer, body text);
INSERT INTO msg VALUES (1, E'it\'s; fine');
INSERT INTO msg VALUES (2, E'back\\'); INSERT INTO msg VALUES (3, e'\\\'; still \\ in'';');
INSERT INTO msg VALUES (4, 'C:\'); INSERT INTO msg VALUES (5, U&'d\0061t\+000061; ok');
INSERT INTO msg VALUES (6, E'first segment\n'
    'second\'; segment');
INSERT INTO msg VALUES (7, E'tab\there'), (8, B'1010'::text), (9, X'1F'::text), (10, text'not E\');
SELECT body FROM msg WHERE body LIKE E'%\\%' OR body = 'E''; not an escape string'
