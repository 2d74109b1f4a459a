package io.godwit.store;

import java.util.List;
import java.util.Optional;

/**
 * What every client of the store offers, whether the store is opened in this process
 * ({@link GodwitClient#ephemeral()}, {@link GodwitClient#persistent}, {@link GodwitClient#postgres})
 * or reached over Chroma's HTTP API v2 (the server issue's HTTP client). Code written
 * against this interface runs unchanged on any of them, as Chroma's clients share one API.
 *
 * <p>Names follow Chroma: tenants hold databases, databases hold collections. Methods without a
 * tenant or database work in the client's defaults ({@link Settings#defaultTenant()},
 * {@link Settings#defaultDatabase()}). Every method is thread-safe.
 *
 * <p>Failures are {@link StoreException}s whose {@link StoreException#kind()} says what went wrong
 * (invalid argument, not found, already exists, ...); "absent" is an empty {@link Optional}.
 * Migrations run when the client opens, in the configured mode, so a failure there is the
 * engine's {@link io.godwit.GodwitException}.
 */
public interface StoreClient extends AutoCloseable {

    /** Nanoseconds since the epoch, as Chroma's heartbeat answers; proves the store answers. */
    long heartbeat();

    /** The Godwit release serving this store. */
    String version();

    /** The settings this client was opened with (batch limit, defaults, reset permission). */
    Settings settings();

    /**
     * Empties the store (every tenant, database, collection and record), re-runs the migrations and
     * starts a new epoch. Refused with {@link StoreException.Kind#FORBIDDEN} naming
     * {@code allowReset} unless {@link Settings#allowReset()}.
     */
    void reset();

    // Tenants and databases.

    /** Creates a tenant; {@link StoreException.Kind#ALREADY_EXISTS} when one of that name exists. */
    Tenant createTenant(String name);

    Optional<Tenant> getTenant(String name);

    List<Tenant> listTenants();

    /** Deletes a tenant with its databases and their collections; NOT_FOUND when absent. */
    void deleteTenant(String name);

    /** Creates a database in a tenant; ALREADY_EXISTS when the tenant has one of that name. */
    Database createDatabase(String tenant, String name);

    Optional<Database> getDatabase(String tenant, String name);

    /** The tenant's databases in creation order; {@code limit} null means all. */
    List<Database> listDatabases(String tenant, Integer limit, int offset);

    /** Deletes a database with its collections; NOT_FOUND when absent. */
    void deleteDatabase(String tenant, String name);

    // Collections, in the default tenant and database unless a Scope is given.

    /** The same client's collection calls in another tenant and database. */
    CollectionScope scope(String tenant, String database);

    /** The collection calls in the default tenant and database. */
    CollectionScope defaultScope();

    default StoreCollection createCollection(CreateCollection request) {
        return defaultScope().createCollection(request);
    }

    /** Creates {@code name} with Chroma's defaults (l2, dimension fixed by the first vector). */
    default StoreCollection createCollection(String name) {
        return defaultScope().createCollection(CreateCollection.named(name));
    }

    default StoreCollection getOrCreateCollection(String name) {
        return defaultScope().createCollection(CreateCollection.named(name).getOrCreate(true));
    }

    default Optional<StoreCollection> getCollection(String name) {
        return defaultScope().getCollection(name);
    }

    default List<StoreCollection> listCollections(Integer limit, int offset) {
        return defaultScope().listCollections(limit, offset);
    }

    default long countCollections() {
        return defaultScope().countCollections();
    }

    default void deleteCollection(String name) {
        defaultScope().deleteCollection(name);
    }

    /** Releases connections and flushes vector segments; collections from this client are unusable after it. */
    @Override
    void close();
}
