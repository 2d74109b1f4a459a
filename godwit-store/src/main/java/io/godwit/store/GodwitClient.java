package io.godwit.store;

import io.godwit.Godwit;
import io.godwit.GodwitConfiguration;
import io.godwit.GodwitException;
import io.godwit.MigrateResult;
import io.godwit.store.importer.ChromaLayout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A client of the embedding store. Opening one runs the migration engine in the configured mode
 * first, so an application that upgrades brings its database along, and one opened on a database
 * newer than its code, or behind a migration that needs an operator, fails right there with the
 * engine's error. One connection, used by one thread at a time (methods are synchronized).
 */
public final class GodwitClient implements LegacyStoreClient {
    /** The persist directory's database file, as the CLI's {@code --path} uses it. */
    public static final String DATABASE_FILE = "godwit.sqlite3";
    static final String DEFAULT_DATABASE = "00000000-0000-0000-0000-000000000000";

    private final Connection connection;
    private final MigrateResult opened;
    private final Path deleteOnClose;

    private GodwitClient(Connection connection, MigrateResult opened, Path deleteOnClose) {
        this.connection = connection;
        this.opened = opened;
        this.deleteOnClose = deleteOnClose;
    }

    /**
     * A store persisted in {@code directory/godwit.sqlite3}. A Chroma persist directory (either
     * layout) is refused with the command that imports it, and nothing is written there.
     */
    public static GodwitClient persistent(Path directory, ClientSettings settings) {
        Path file = directory.resolve(DATABASE_FILE);
        if (!Files.exists(file)) {
            ChromaLayout.refusal(directory).ifPresent(message -> {
                throw new GodwitException(message);
            });
        }
        return open("jdbc:sqlite:" + file.toAbsolutePath(), null, null, settings.applyTo(Godwit.configure().sqlite(file)), null);
    }

    public static GodwitClient persistent(Path directory) {
        return persistent(directory, ClientSettings.defaults());
    }

    /** A throw-away store for tests and notebooks: a temporary SQLite file removed on close. */
    public static GodwitClient ephemeral() {
        try {
            Path dir = Files.createTempDirectory("godwit-ephemeral");
            Path file = dir.resolve(DATABASE_FILE);
            return open("jdbc:sqlite:" + file, null, null, ClientSettings.defaults().applyTo(Godwit.configure().sqlite(file)), dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A store in a PostgreSQL database shared by many application instances. */
    public static GodwitClient postgres(String url, String user, String password, ClientSettings settings) {
        return open(url, user, password, settings.applyTo(Godwit.configure().url(url).user(user).password(password)), null);
    }

    private static GodwitClient open(String url, String user, String password, GodwitConfiguration.Builder config,
                                     Path deleteOnClose) {
        MigrateResult result = config.load().migrate();
        try {
            return new GodwitClient(DriverManager.getConnection(url, user, password), result, deleteOnClose);
        } catch (SQLException e) {
            throw new GodwitException("Cannot open the store at " + url.replaceAll("\\?.*", "") + ": " + e.getMessage(), e);
        }
    }

    /** The SQLite file behind this client; empty for PostgreSQL. */
    public Optional<Path> databaseFile() {
        try {
            String url = connection.getMetaData().getURL();
            return url.startsWith("jdbc:sqlite:") ? Optional.of(Path.of(url.substring("jdbc:sqlite:".length()))) : Optional.empty();
        } catch (SQLException e) {
            throw Sql.failure("read the store's location", e);
        }
    }

    /** What opening applied to the database (empty when it was current). */
    public MigrateResult migrationsAppliedOnOpen() {
        return opened;
    }

    public synchronized Collection createCollection(String name, Integer dimension) {
        return createCollection(name, dimension, Map.of());
    }

    /** Creates a collection with metadata of its own (string, integer, float or boolean values). */
    public synchronized Collection createCollection(String name, Integer dimension, Map<String, Object> metadata) {
        String id = UUID.randomUUID().toString();
        String topic = "persistent://default_tenant/default_database/" + name;
        Sql.run(connection, () -> {
            Sql.update(connection, "INSERT INTO collections (id, name, topic, dimension, database_id) VALUES (?, ?, ?, ?, ?)",
                    id, name, topic, dimension, DEFAULT_DATABASE);
            Sql.update(connection, "INSERT INTO segments (id, type, scope, topic, collection) VALUES (?, 'godwit/metadata', 'METADATA', NULL, ?)",
                    UUID.randomUUID().toString(), id);
            for (Map.Entry<String, Object> e : metadata.entrySet()) {
                Sql.update(connection, "INSERT INTO collection_metadata (collection_id, key, "
                        + MetadataValue.of(e.getKey(), e.getValue()).column("str") + ") VALUES (?, ?, ?)", id, e.getKey(), e.getValue());
            }
        });
        return getCollection(name).orElseThrow();
    }

    public synchronized Optional<Collection> getCollection(String name) {
        try (PreparedStatement ps = connection.prepareStatement("SELECT c.id, c.topic, c.dimension, s.id FROM collections c"
                + " JOIN segments s ON s.collection = c.id AND s.scope = 'METADATA' WHERE c.name = ? AND c.database_id = ?")) {
            ps.setString(1, name);
            ps.setString(2, DEFAULT_DATABASE);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                int value = rs.getInt(3);
                Integer dimension = rs.wasNull() ? null : value;
                return Optional.of(new Collection(this, connection, name, rs.getString(1), rs.getString(2),
                        dimension, rs.getString(4)));
            }
        } catch (SQLException e) {
            throw Sql.failure("read collection " + name, e);
        }
    }

    public synchronized List<String> listCollections() {
        List<String> names = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT name FROM collections WHERE database_id = ? ORDER BY name")) {
            ps.setString(1, DEFAULT_DATABASE);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw Sql.failure("list collections", e);
        }
        return names;
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw Sql.failure("close the store", e);
        } finally {
            if (deleteOnClose != null) {
                deleteRecursively(deleteOnClose);
            }
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
