-- Godwit 0.2.0: the record store. The store has an epoch, a UUID that is new
-- whenever the store starts a new life (created, reset, restored); segments
-- record it beside their seq_id so that no process trusts positions from
-- another life. The one row is written by the client when it first opens the
-- store. Collections and databases are listed in creation order (as Chroma
-- does), which created_seq records; existing rows are numbered by name (this
-- scope never recorded an order).
CREATE TABLE store_epoch (
    id integer PRIMARY KEY CHECK (id = 1),
    epoch text NOT NULL
);

ALTER TABLE collections ADD COLUMN created_seq bigint NOT NULL DEFAULT 0;

UPDATE collections SET created_seq = n.rn
FROM (SELECT id, row_number() OVER (ORDER BY name) AS rn FROM collections) n
WHERE n.id = collections.id;

ALTER TABLE databases ADD COLUMN created_seq bigint NOT NULL DEFAULT 0;

UPDATE databases SET created_seq = n.rn
FROM (SELECT id, row_number() OVER (ORDER BY tenant_id, name) AS rn FROM databases) n
WHERE n.id = databases.id;
