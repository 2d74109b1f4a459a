package io.godwit.store;

import io.godwit.Godwit;
import io.godwit.GodwitConfiguration;
import io.godwit.GodwitException;
import io.godwit.MigrateResult;
import io.godwit.store.importer.ChromaLayout;
import io.godwit.store.local.Connections;
import io.godwit.store.local.LocalStores;
import io.godwit.store.local.LocalScope;
import io.godwit.store.local.SqliteConnections;
import io.godwit.store.local.StatsReader;
import io.godwit.store.local.Store;
import io.godwit.store.local.Tenancy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The in-process clients of the store: {@link #ephemeral()} (in memory), {@link #persistent(Path)}
 * (a SQLite file, {@code ./godwit_data/godwit.sqlite3} by default) and {@link #postgres} (a
 * PostgreSQL database shared by many instances). Opening one runs the migration engine first, in the
 * configured mode, so an application that upgrades brings its store along (with the engine's
 * automatic backup), and one opened on a store newer than its code fails right there with the
 * engine's error. Thread-safe: see {@link Connections} for the concurrency model.
 */
public final class GodwitClient implements StoreClient {
    /** The persist directory's database file, as the CLI's {@code --path} uses it. */
    public static final String DATABASE_FILE = "godwit.sqlite3";
    /** The default persist directory. */
    public static final Path DEFAULT_DIRECTORY = Path.of("godwit_data");
    /** The release of the store's schema and API. */
    public static final String VERSION = "0.2.0";

    private final Store store;
    private final Godwit engine;
    private final MigrateResult opened;
    private final Tenancy tenancy;

    private GodwitClient(LocalStores.Opened opened) {
        this.store = opened.store();
        this.engine = opened.engine();
        this.opened = opened.migrated();
        this.tenancy = new Tenancy(store);
    }

    /** An in-memory store (nothing on disk), gone when the client closes: for tests and notebooks. */
    public static GodwitClient ephemeral() {
        return ephemeral(Settings.defaults());
    }

    public static GodwitClient ephemeral(Settings settings) {
        return new GodwitClient(LocalStores.ephemeral(Names.settings(settings)));
    }

    /** A store persisted in {@code ./godwit_data/godwit.sqlite3}. */
    public static GodwitClient persistent() {
        return persistent(DEFAULT_DIRECTORY, Settings.defaults());
    }

    public static GodwitClient persistent(Path directory) {
        return persistent(directory, Settings.defaults());
    }

    /**
     * A store persisted in {@code directory/godwit.sqlite3}. A Chroma persist directory (either
     * layout) is refused with the command that imports it, and nothing is written there.
     */
    public static GodwitClient persistent(Path directory, Settings settings) {
        if (directory == null) {
            throw StoreException.invalid("persistent: the directory is required (got null)");
        }
        Path file = directory.resolve(DATABASE_FILE);
        if (!Files.exists(file)) {
            ChromaLayout.refusal(directory).ifPresent(message -> {
                throw new GodwitException(message);
            });
        }
        return new GodwitClient(LocalStores.persistent(file, Names.settings(settings)));
    }

    /** A store in a PostgreSQL database (metadata, records and log in the database). */
    public static GodwitClient postgres(String url, String user, String password, Settings settings) {
        if (url == null) {
            throw StoreException.invalid("postgres: the JDBC URL is required (got null)");
        }
        return new GodwitClient(LocalStores.postgres(url, user, password, Names.settings(settings)));
    }

    public static GodwitClient postgres(String url, String user, String password) {
        return postgres(url, user, password, Settings.defaults());
    }

    /** The SQLite file behind this client; empty for the ephemeral and PostgreSQL clients. */
    public Optional<Path> databaseFile() {
        return store.connections() instanceof SqliteConnections s ? Optional.of(s.file()) : Optional.empty();
    }

    /** The connections behind this client, for the store's own tests (pragmas, locks). */
    Connections connections() {
        return store.connections();
    }

    /** What opening applied to the database (empty when it was current). */
    public MigrateResult migrationsAppliedOnOpen() {
        return opened;
    }

    /** The engine configuration this client migrated with (for status, backup and the like). */
    public GodwitConfiguration engineConfiguration() {
        return engine.configuration();
    }

    /**
     * How many collections and log entries the store holds now, in one read; per collection name too
     * when {@code perCollection} (one more, grouped, count). For gauges; nothing is cached.
     */
    public StoreStats stats(boolean perCollection) {
        return StatsReader.read(store, perCollection);
    }

    @Override
    public long heartbeat() {
        store.connections().read("answer a heartbeat", c -> null);
        java.time.Instant now = java.time.Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    @Override
    public String version() {
        return VERSION;
    }

    @Override
    public Settings settings() {
        return store.settings();
    }

    @Override
    public void reset() {
        LocalStores.reset(store, engine);
    }

    @Override
    public Tenant createTenant(String name) {
        return tenancy.createTenant(name);
    }

    @Override
    public Optional<Tenant> getTenant(String name) {
        return tenancy.getTenant(name);
    }

    @Override
    public List<Tenant> listTenants() {
        return tenancy.listTenants();
    }

    @Override
    public void deleteTenant(String name) {
        tenancy.deleteTenant(name);
    }

    @Override
    public Database createDatabase(String tenant, String name) {
        return tenancy.createDatabase(tenant, name);
    }

    @Override
    public Optional<Database> getDatabase(String tenant, String name) {
        return tenancy.getDatabase(tenant, name);
    }

    @Override
    public List<Database> listDatabases(String tenant, Integer limit, int offset) {
        return tenancy.listDatabases(tenant, limit, offset);
    }

    @Override
    public void deleteDatabase(String tenant, String name) {
        tenancy.deleteDatabase(tenant, name);
    }

    @Override
    public CollectionScope scope(String tenant, String database) {
        return new LocalScope(store, tenant, database);
    }

    @Override
    public CollectionScope defaultScope() {
        return scope(store.settings().defaultTenant(), store.settings().defaultDatabase());
    }

    /**
     * The vector index of every collection whose segment is open in this client (queried at least
     * once since it opened), with how far it lags the log; one database read. For metrics.
     */
    public List<IndexStatus> indexStatus() {
        return store.indexStatus();
    }

    @Override
    public void close() {
        store.close();
    }

    @Override
    public String toString() {
        return "GodwitClient(" + store.connections().describe() + ")";
    }

    /** Null settings are refused with a message; nothing else to check (Settings checks itself). */
    private static final class Names {
        static Settings settings(Settings s) {
            if (s == null) {
                throw StoreException.invalid("settings are required (got null); use Settings.defaults()");
            }
            return s;
        }
    }
}
