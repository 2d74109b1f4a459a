package io.godwit.store.local;

import io.godwit.Godwit;
import io.godwit.GodwitConfiguration;
import io.godwit.MigrateResult;
import io.godwit.store.Settings;
import io.godwit.store.vector.VectorSegment;

import java.nio.file.Path;

/**
 * Opens the three in-process stores: migrations first (the engine's own connection and lock), then
 * the store's connections, the engine's "in use" hold (kept until the client closes), then
 * {@link StoreOpening#prepare}. A failure on the way closes what was opened.
 */
public final class LocalStores {
    private LocalStores() {
    }

    /** An opened store, the engine that migrated it, and what that applied. */
    public record Opened(Store store, Godwit engine, MigrateResult migrated) {
    }

    public static Opened ephemeral(Settings settings) {
        MemoryConnections connections = new MemoryConnections();
        return open(connections, settings, Godwit.configure().database(new MemoryDatabase(connections)).autoBackup(false),
                HnswVectors.factory(connections, null));
    }

    public static Opened persistent(Path file, Settings settings) {
        GodwitConfiguration.Builder engine = Godwit.configure().sqlite(file);
        Godwit migrator = EngineSettings.apply(settings, engine).load();
        MigrateResult migrated = migrator.migrate();
        SqliteConnections connections = new SqliteConnections(file, settings.writeLockTimeout());
        return prepared(connections, settings, migrator, migrated,
                HnswVectors.factory(connections, file.toAbsolutePath().getParent()));
    }

    public static Opened postgres(String url, String user, String password, Settings settings) {
        Godwit migrator = EngineSettings.apply(settings, Godwit.configure().url(url).user(user).password(password)).load();
        MigrateResult migrated = migrator.migrate();
        PostgresConnections connections = new PostgresConnections(url, user, password, settings.writeLockTimeout());
        return prepared(connections, settings, migrator, migrated, HnswVectors.factory(connections, null));
    }

    public static void reset(Store store, Godwit engine) {
        StoreReset.reset(store, engine);
    }

    private static Opened open(Connections connections, Settings settings, GodwitConfiguration.Builder engine,
                               VectorSegment.Factory vectors) {
        try {
            Godwit migrator = EngineSettings.apply(settings, engine).load();
            return prepared(connections, settings, migrator, migrator.migrate(), vectors);
        } catch (RuntimeException e) {
            connections.close();
            throw e;
        }
    }

    private static Opened prepared(Connections connections, Settings settings, Godwit migrator, MigrateResult migrated,
                                   VectorSegment.Factory vectors) {
        Store store = new Store(connections, settings, vectors);
        try {
            store.holdInUse(migrator);
            StoreOpening.prepare(store);
            return new Opened(store, migrator, migrated);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }
}
