-- Godwit 0.4: multi-tenancy. Collections now live in a database, and a
-- database belongs to a tenant. DATA MIGRATION: a default tenant
-- 'default_tenant' and a default database 'default_database' (fixed id
-- 00000000-0000-0000-0000-000000000000) are created and every existing
-- collection is moved into it, keeping all its data. Collection names become
-- unique per database instead of globally.
-- SQLite note: collections.database_id has no REFERENCES clause here because
-- SQLite refuses ADD COLUMN ... NOT NULL DEFAULT ... REFERENCES when foreign
-- keys are enabled, and rebuilding collections (the parent of segments and
-- collection_metadata, both ON DELETE CASCADE) inside the migration
-- transaction would cascade-delete their rows. The PostgreSQL scope has the
-- foreign key. Same tables and columns in both scopes.
CREATE TABLE tenants (
    id TEXT PRIMARY KEY
);

CREATE TABLE databases (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    tenant_id TEXT NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    UNIQUE (tenant_id, name)
);

INSERT INTO tenants (id) VALUES ('default_tenant');

INSERT INTO databases (id, name, tenant_id)
VALUES ('00000000-0000-0000-0000-000000000000', 'default_database', 'default_tenant');

ALTER TABLE collections
    ADD COLUMN database_id TEXT NOT NULL DEFAULT '00000000-0000-0000-0000-000000000000';

UPDATE collections SET database_id = '00000000-0000-0000-0000-000000000000';

DROP INDEX collections_name_uniq;

CREATE UNIQUE INDEX collections_database_name_uniq ON collections (database_id, name);
