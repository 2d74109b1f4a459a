-- Godwit 0.2: collections are stored as segments (a vector segment and a
-- metadata segment per collection), and both collections and segments can
-- carry typed key/value metadata (one value column per type).
CREATE TABLE segments (
    id text PRIMARY KEY,
    type text NOT NULL,
    scope text NOT NULL,
    topic text,
    collection text NOT NULL REFERENCES collections (id) ON DELETE CASCADE
);

CREATE INDEX segments_collection_idx ON segments (collection);

CREATE TABLE segment_metadata (
    segment_id text NOT NULL REFERENCES segments (id) ON DELETE CASCADE,
    key text NOT NULL,
    str_value text,
    int_value bigint,
    float_value double precision,
    bool_value boolean,
    PRIMARY KEY (segment_id, key)
);

CREATE TABLE collection_metadata (
    collection_id text NOT NULL REFERENCES collections (id) ON DELETE CASCADE,
    key text NOT NULL,
    str_value text,
    int_value bigint,
    float_value double precision,
    bool_value boolean,
    PRIMARY KEY (collection_id, key)
);
