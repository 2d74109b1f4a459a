CREATE TABLE ledger (id integer, amount numeric, kind text, begin date);

CREATE FUNCTION classify(a numeric) RETURNS text
LANGUAGE SQL IMMUTABLE
BEGIN ATOMIC
  SELECT CASE WHEN a < 0 THEN 'debit; end'
              WHEN a = 0 THEN CASE WHEN a IS NULL THEN 'null' ELSE 'zero' END
              ELSE 'credit' END;
END;

create or replace procedure record_entry(i integer, a numeric)
language sql
begin atomic
  insert into ledger (id, amount, kind, begin) values (i, a, classify(a), current_date);
  update ledger set kind = case when kind is null then 'unknown' else kind end
    where id = i;
  -- end; in a comment
  delete from ledger where amount is null;
end;

CREATE PROCEDURE noop() BEGIN ATOMIC END;
BEGIN;
CALL record_entry(1, 10);
COMMIT;
SELECT begin atomic FROM ledger; SELECT classify(-1) AS "begin atomic; end"
