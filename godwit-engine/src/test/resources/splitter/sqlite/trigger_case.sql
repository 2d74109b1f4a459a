CREATE TABLE item (id INTEGER PRIMARY KEY, qty INTEGER, label TEXT);
CREATE TABLE log (msg TEXT);
CREATE TRIGGER item_label AFTER INSERT ON item
WHEN CASE WHEN new.qty IS NULL THEN 0 ELSE 1 END
BEGIN
  UPDATE item SET label = CASE
      WHEN new.qty = 0 THEN 'none; END'
      WHEN new.qty < 10 THEN CASE WHEN new.qty = 1 THEN 'one' ELSE 'few' END
      ELSE 'many'
    END
  WHERE id = new.id;
  INSERT INTO log (msg) VALUES (CASE new.qty WHEN 0 THEN 'empty' ELSE 'stocked' END);
  INSERT INTO log (msg) SELECT CASE WHEN count(*) > 1 THEN 'more' END FROM item;
  UPDATE item SET qty = CASE WHEN qty < 0 THEN 0 ELSE qty END;
END;
Create Trigger item_gone After Delete On item Begin
  Insert Into log (msg) Values (Case When old.qty > 0 Then 'lost' End); End;
INSERT INTO item (id, qty) VALUES (1, 3);
SELECT label FROM item WHERE id = 1
