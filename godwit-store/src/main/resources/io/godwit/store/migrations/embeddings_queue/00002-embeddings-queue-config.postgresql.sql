-- Godwit 0.3: the queue gets a single-row configuration (a JSON document),
-- so that purging of already-consumed entries can be switched on or off and
-- tuned without a code change. Purging is on by default.
CREATE TABLE embeddings_queue_config (
    id integer PRIMARY KEY CHECK (id = 1),
    config_json_str text NOT NULL
);

INSERT INTO embeddings_queue_config (id, config_json_str)
VALUES (1, '{"automatically_purge": true}');
