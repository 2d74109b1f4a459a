CREATE TABLE stock (id integer PRIMARY KEY, qty integer, touched timestamptz);
CREATE TABLE stock_log (id integer, qty integer, note text);

CREATE RULE stock_copy AS ON INSERT TO stock
DO ALSO (INSERT INTO stock_log VALUES (new.id, new.qty, 'copied; once');
         UPDATE stock_log SET note = 'seen' WHERE id = new.id);

CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  NEW.touched := now();
  RETURN NEW;
END
$fn$;
CREATE TRIGGER stock_touch BEFORE INSERT OR UPDATE ON stock
FOR EACH ROW EXECUTE FUNCTION touch();
INSERT INTO stock VALUES (1, 5, NULL);
SELECT count(*) FROM stock_log WHERE (note = 'seen' AND qty = (SELECT qty FROM stock WHERE id = 1))
