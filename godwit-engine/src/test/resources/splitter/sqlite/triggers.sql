CREATE TABLE account (id INTEGER PRIMARY KEY, balance INTEGER NOT NULL, begin_at TEXT, end TEXT);
CREATE TABLE audit (account_id INTEGER, what TEXT, at TEXT);

CREATE TRIGGER account_insert AFTER INSERT ON account
BEGIN
  INSERT INTO audit (account_id, what) VALUES (new.id, 'insert; END');
  UPDATE account SET begin_at = 'now', end = 'later' WHERE id = new.id;
  INSERT INTO audit (account_id, what) VALUES (new.id, 'BEGIN again; END;');
END;

create temp trigger account_update after update of balance on account
begin
  insert into audit (account_id, what) values (new.id, 'update');
  update audit set at = 'end' where account_id = new.id; -- end; not yet
  /* END; still not */
  delete from audit where what = 'none' and at = end_of_day(); select end from account;
end;

CREATE TEMPORARY TRIGGER IF NOT EXISTS account_delete BEFORE DELETE ON account
FOR EACH ROW WHEN old.balance > 0
BEGIN
  SELECT RAISE(ABORT, 'balance; must be zero');
  UPDATE account SET "end" = 'x', begin_at = NULL WHERE id = old.id;
  -- a comment between the last semicolon and END
END -- and one before the final semicolon
;
INSERT INTO account (id, balance) VALUES (1, 0);
CREATE TRIGGER "begin" AFTER DELETE ON account BEGIN DELETE FROM audit; END; SELECT count(*) FROM audit
