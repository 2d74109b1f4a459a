-- Godwit 0.2.0: each metadata value fills one of the four typed columns and
-- leaves the other three NULL, yet every row had an entry in all four value
-- indexes (of both metadata tables): three of every four entries could never
-- match a filter and cost every write. The indexes become partial, one entry
-- per row, in the index of the column that holds its value. A filter's
-- comparison on a column (=, <>, <, >, IN, ...) implies that column IS NOT
-- NULL, so both databases still answer every filter from these indexes.
DROP INDEX embedding_metadata_string_idx;

DROP INDEX embedding_metadata_int_idx;

DROP INDEX embedding_metadata_float_idx;

DROP INDEX embedding_metadata_bool_idx;

CREATE INDEX embedding_metadata_string_idx ON embedding_metadata (key, string_value) WHERE string_value IS NOT NULL;

CREATE INDEX embedding_metadata_int_idx ON embedding_metadata (key, int_value) WHERE int_value IS NOT NULL;

CREATE INDEX embedding_metadata_float_idx ON embedding_metadata (key, float_value) WHERE float_value IS NOT NULL;

CREATE INDEX embedding_metadata_bool_idx ON embedding_metadata (key, bool_value) WHERE bool_value IS NOT NULL;

DROP INDEX embedding_metadata_array_string_idx;

DROP INDEX embedding_metadata_array_int_idx;

DROP INDEX embedding_metadata_array_float_idx;

DROP INDEX embedding_metadata_array_bool_idx;

CREATE INDEX embedding_metadata_array_string_idx ON embedding_metadata_array (key, string_value)
    WHERE string_value IS NOT NULL;

CREATE INDEX embedding_metadata_array_int_idx ON embedding_metadata_array (key, int_value) WHERE int_value IS NOT NULL;

CREATE INDEX embedding_metadata_array_float_idx ON embedding_metadata_array (key, float_value)
    WHERE float_value IS NOT NULL;

CREATE INDEX embedding_metadata_array_bool_idx ON embedding_metadata_array (key, bool_value) WHERE bool_value IS NOT NULL;
