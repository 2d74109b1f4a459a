-- Godwit 0.5: per-collection configuration (index parameters such as the
-- distance function) stored as a JSON document. Existing collections get an
-- empty configuration, which means the built-in defaults.
ALTER TABLE collections ADD COLUMN configuration_json_str text NOT NULL DEFAULT '{}';
