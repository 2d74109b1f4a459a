-- Godwit 0.4: metadata filters (where clauses such as key = value or a range
-- on a number) scanned all of embedding_metadata. Index every typed value
-- column together with its key.
CREATE INDEX embedding_metadata_string_idx ON embedding_metadata (key, string_value);

CREATE INDEX embedding_metadata_int_idx ON embedding_metadata (key, int_value);

CREATE INDEX embedding_metadata_float_idx ON embedding_metadata (key, float_value);

CREATE INDEX embedding_metadata_bool_idx ON embedding_metadata (key, bool_value);
