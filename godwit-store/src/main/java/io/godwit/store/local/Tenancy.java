package io.godwit.store.local;

import io.godwit.store.Database;
import io.godwit.store.StoreException;
import io.godwit.store.Tenant;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Tenants and databases ({@code tenants}, {@code databases}): Chroma's two levels above collections. */
public final class Tenancy {
    private final Store store;

    public Tenancy(Store store) {
        this.store = store;
    }

    public Tenant createTenant(String name) {
        Names.tenantOrDatabase("Tenant", name);
        return store.connections().write("create tenant " + name, c -> {
            if (tenantExists(c, name)) {
                throw StoreException.exists("Tenant [" + name + "] already exists");
            }
            Jdbc.update(c, "INSERT INTO tenants (id) VALUES (?)", name);
            return new Tenant(name);
        });
    }

    public Optional<Tenant> getTenant(String name) {
        Names.required("tenant name", name);
        return store.connections().read("read tenant " + name,
                c -> tenantExists(c, name) ? Optional.of(new Tenant(name)) : Optional.empty());
    }

    public List<Tenant> listTenants() {
        return store.connections().read("list tenants", c -> {
            List<Tenant> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM tenants ORDER BY id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Tenant(rs.getString(1)));
                }
            }
            return out;
        });
    }

    public void deleteTenant(String name) {
        Names.required("tenant name", name);
        List<String> gone = store.connections().write("delete tenant " + name, c -> {
            if (!tenantExists(c, name)) {
                throw StoreException.notFound("Tenant [" + name + "] does not exist");
            }
            List<String> collections = new ArrayList<>();
            for (Database d : databases(c, name, null, 0)) {
                collections.addAll(deleteDatabaseRows(c, d));
            }
            Jdbc.update(c, "DELETE FROM tenants WHERE id = ?", name);
            return collections;
        });
        gone.forEach(store.listener()::collectionGone);
    }

    public Database createDatabase(String tenant, String name) {
        Names.required("tenant name", tenant);
        Names.tenantOrDatabase("Database", name);
        return store.connections().write("create database " + name, c -> {
            requireTenant(c, tenant);
            if (database(c, tenant, name).isPresent()) {
                throw StoreException.exists("Database [" + name + "] already exists in tenant [" + tenant + "]");
            }
            UUID id = UUID.randomUUID();
            long seq = Jdbc.longValue(c, 0, "SELECT max(created_seq) FROM databases") + 1;
            Jdbc.update(c, "INSERT INTO databases (id, name, tenant_id, created_seq) VALUES (?, ?, ?, ?)",
                    id.toString(), name, tenant, seq);
            return new Database(id, name, tenant);
        });
    }

    public Optional<Database> getDatabase(String tenant, String name) {
        Names.required("tenant name", tenant);
        Names.required("database name", name);
        return store.connections().read("read database " + name, c -> database(c, tenant, name));
    }

    public List<Database> listDatabases(String tenant, Integer limit, int offset) {
        Names.required("tenant name", tenant);
        Paging.check(limit, offset);
        return store.connections().read("list databases of " + tenant, c -> {
            requireTenant(c, tenant);
            return databases(c, tenant, limit, offset);
        });
    }

    public void deleteDatabase(String tenant, String name) {
        Names.required("tenant name", tenant);
        Names.required("database name", name);
        List<String> gone = store.connections().write("delete database " + name, c -> {
            Database d = database(c, tenant, name).orElseThrow(() -> StoreException.notFound("Database [" + name
                    + "] does not exist in tenant [" + tenant + "]"));
            return deleteDatabaseRows(c, d);
        });
        gone.forEach(store.listener()::collectionGone);
    }

    /** Deletes the database's collections and the database; returns the collections' names. */
    private List<String> deleteDatabaseRows(Connection c, Database d) throws SQLException {
        List<String> names = new ArrayList<>();
        for (CollectionRow row : CollectionRows.list(c, d.id().toString(), null, 0)) {
            CollectionRows.delete(c, row);
            store.forgetVectors(row.id(), true);
            names.add(row.name());
        }
        Jdbc.update(c, "DELETE FROM databases WHERE id = ?", d.id().toString());
        return names;
    }

    /** The database's id; NOT_FOUND naming the tenant or the database. Every collection call starts here. */
    static String databaseId(Connection c, String tenant, String name) throws SQLException {
        requireTenant(c, tenant);
        return database(c, tenant, name).orElseThrow(() -> StoreException.notFound("Database [" + name
                + "] does not exist in tenant [" + tenant + "]")).id().toString();
    }

    private static void requireTenant(Connection c, String tenant) throws SQLException {
        if (!tenantExists(c, tenant)) {
            throw StoreException.notFound("Tenant [" + tenant + "] does not exist");
        }
    }

    private static boolean tenantExists(Connection c, String name) throws SQLException {
        return Jdbc.stringValue(c, "SELECT id FROM tenants WHERE id = ?", name) != null;
    }

    private static Optional<Database> database(Connection c, String tenant, String name) throws SQLException {
        String id = Jdbc.stringValue(c, "SELECT id FROM databases WHERE tenant_id = ? AND name = ?", tenant, name);
        return id == null ? Optional.empty() : Optional.of(new Database(UUID.fromString(id), name, tenant));
    }

    private static List<Database> databases(Connection c, String tenant, Integer limit, int offset) throws SQLException {
        List<Database> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, name FROM databases WHERE tenant_id = ?"
                + " ORDER BY created_seq, id LIMIT ? OFFSET ?")) {
            ps.setString(1, tenant);
            ps.setLong(2, limit == null ? Long.MAX_VALUE : limit);
            ps.setLong(3, offset);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Database(UUID.fromString(rs.getString(1)), rs.getString(2), tenant));
                }
            }
        }
        return out;
    }
}
