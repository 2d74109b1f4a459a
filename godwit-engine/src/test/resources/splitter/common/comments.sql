-- A header comment; with a semicolon and a 'quote
/* A block comment; with "double quotes and 'single
   quotes'; spanning lines */
CREATE TABLE t (a INTEGER); -- trailing; comment 'with quote
-- a comment-only line ; between statements
INSERT INTO t (a) -- inline; comment "with quote
  VALUES (1) /* block; 'in' "the" middle */ ;
/* comment only */ ;
-- comment only, then a semicolon on the next line
;
INSERT INTO t /* it's */ (a) VALUES (2);
SELECT a FROM t -- last comment; no statement follows
-- and nothing but comments after it; ' "
