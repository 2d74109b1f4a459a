-- Godwit 0.2.0: the record store. The store has an epoch, a UUID that is new
-- whenever the store starts a new life (created, reset, restored); segments
-- record it beside their seq_id so that no process trusts positions from
-- another life. The one row is written by the client when it first opens the
-- store. Collections and databases are listed in creation order (as Chroma
-- does), which created_seq records; existing rows keep the order SQLite
-- inserted them in.
CREATE TABLE store_epoch (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    epoch TEXT NOT NULL
);

ALTER TABLE collections ADD COLUMN created_seq INTEGER NOT NULL DEFAULT 0;

UPDATE collections SET created_seq = rowid;

ALTER TABLE databases ADD COLUMN created_seq INTEGER NOT NULL DEFAULT 0;

UPDATE databases SET created_seq = rowid;
