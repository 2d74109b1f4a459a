-- Godwit 0.4: multi-tenancy. Collections now live in a database, and a
-- database belongs to a tenant. DATA MIGRATION: a default tenant
-- 'default_tenant' and a default database 'default_database' (fixed id
-- 00000000-0000-0000-0000-000000000000) are created and every existing
-- collection is moved into it, keeping all its data. Collection names become
-- unique per database instead of globally.
-- Only PostgreSQL has the foreign key collections.database_id -> databases.id
-- (see the SQLite scope for why). Same tables and columns in both scopes.
CREATE TABLE tenants (
    id text PRIMARY KEY
);

CREATE TABLE databases (
    id text PRIMARY KEY,
    name text NOT NULL,
    tenant_id text NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    UNIQUE (tenant_id, name)
);

INSERT INTO tenants (id) VALUES ('default_tenant');

INSERT INTO databases (id, name, tenant_id)
VALUES ('00000000-0000-0000-0000-000000000000', 'default_database', 'default_tenant');

ALTER TABLE collections
    ADD COLUMN database_id text NOT NULL DEFAULT '00000000-0000-0000-0000-000000000000';

UPDATE collections SET database_id = '00000000-0000-0000-0000-000000000000';

ALTER TABLE collections
    ADD CONSTRAINT collections_database_id_fkey
    FOREIGN KEY (database_id) REFERENCES databases (id);

DROP INDEX collections_name_uniq;

CREATE UNIQUE INDEX collections_database_name_uniq ON collections (database_id, name);
