CREATE FUNCTION add_one(i integer) RETURNS integer AS $$
BEGIN
  RETURN i + 1; -- a semicolon inside the body
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION outer_fn() RETURNS text
LANGUAGE plpgsql AS $outer$
DECLARE
  q text := $inner$it's; a $$ nested $$ string$inner$;
BEGIN
  EXECUTE $sql$SELECT 'x;y'$sql$;
  RETURN q || $$;$$ || /* not a comment */ $in2$ -- nor this; $in2$;
END;
$outer$;

PREPARE pick(integer, text) AS SELECT $1 + 1, $2 || 'a;b';
SELECT price$ FROM (SELECT 1 AS price$) AS t$1;
DO $do$ BEGIN PERFORM 1; END $do$;
SELECT $Tag$case-sensitive: $tag$; $TAG$;$Tag$ AS s;
SELECT $_1$ underscore tag; $_1$, $é$ non-ASCII tag; $é$ AS "$$;"
