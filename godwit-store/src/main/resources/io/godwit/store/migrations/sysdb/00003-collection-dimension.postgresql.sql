-- Godwit 0.3: a collection remembers the dimension of its vectors so that
-- inserts with a wrong dimension are rejected. NULL means no vector has been
-- added yet (existing collections start out NULL and learn it on next add).
ALTER TABLE collections ADD COLUMN dimension integer;
