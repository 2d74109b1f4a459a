package io.godwit.server.it;

import io.godwit.store.CollectionScope;
import io.godwit.store.Database;
import io.godwit.store.Settings;
import io.godwit.store.StoreClient;
import io.godwit.store.Tenant;
import io.godwit.store.http.HttpGodwitClient;
import io.godwit.store.testing.StoreClientContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The store's contract suite through {@link HttpGodwitClient} against real {@code godwit run}
 * processes: one process per distinct set of store settings (passed as the {@code GODWIT_*}
 * variables, as a user would), emptied through the API before each test hands out a client, so every
 * test sees a new, empty store.
 */
class HttpClientContractTest extends StoreClientContract {
    private static final Map<Map<String, String>, GodwitRun> SERVERS = new ConcurrentHashMap<>();

    @TempDir
    static Path dir;

    @Override
    protected StoreClient open(Settings settings) {
        Map<String, String> env = environment(settings);
        GodwitRun run = SERVERS.computeIfAbsent(env, HttpClientContractTest::start);
        StoreClient client = HttpGodwitClient.connect(run.uri(), null, Duration.ofSeconds(60),
                Settings.defaults().withDefaults(settings.defaultTenant(), settings.defaultDatabase()));
        empty(client, settings);
        return client;
    }

    @AfterAll
    static void stopServers() throws InterruptedException {
        for (GodwitRun run : SERVERS.values()) {
            run.stop();
        }
        SERVERS.clear();
    }

    private static GodwitRun start(Map<String, String> env) {
        Path home = dir.resolve("server-" + SERVERS.size());
        try {
            return GodwitRun.start(home, env, "--path", home.resolve("data").toString(), "--port", "0");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The store settings a test asks for, as the variables `godwit run` reads them from. */
    private static Map<String, String> environment(Settings s) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("GODWIT_ALLOW_RESET", String.valueOf(s.allowReset()));
        env.put("GODWIT_MAX_BATCH_SIZE", String.valueOf(s.maxBatchSize()));
        env.put("GODWIT_DEFAULT_TENANT", s.defaultTenant());
        env.put("GODWIT_DEFAULT_DATABASE", s.defaultDatabase());
        env.put("GODWIT_KEEP_LOG", String.valueOf(s.keepLog()));
        env.put("GODWIT_WRITE_LOCK_TIMEOUT_MS", String.valueOf(s.writeLockTimeout().toMillis()));
        return env;
    }

    /** Deletes every collection, database and tenant but the defaults, through the API. */
    private static void empty(StoreClient client, Settings s) {
        for (Tenant t : client.listTenants()) {
            for (Database d : client.listDatabases(t.name(), null, 0)) {
                CollectionScope scope = client.scope(t.name(), d.name());
                scope.listCollections(null, 0).forEach(c -> scope.deleteCollection(c.name()));
                boolean keep = t.name().equals(s.defaultTenant()) && d.name().equals(s.defaultDatabase())
                        || t.name().equals(Settings.DEFAULT_TENANT) && d.name().equals(Settings.DEFAULT_DATABASE);
                if (!keep) {
                    client.deleteDatabase(t.name(), d.name());
                }
            }
            if (!t.name().equals(s.defaultTenant()) && !t.name().equals(Settings.DEFAULT_TENANT)) {
                client.deleteTenant(t.name());
            }
        }
    }
}
