package io.godwit;

import io.godwit.dialect.postgresql.PostgresDatabase;
import io.godwit.dialect.sqlite.SqliteDatabase;
import io.godwit.source.ClasspathSource;
import io.godwit.source.DirectorySource;
import io.godwit.spi.Database;
import io.godwit.spi.HistoryRecognizer;
import io.godwit.spi.MigrationSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Everything a run needs, checked once and immutable. Built with {@link Godwit#configure()}.
 *
 * @param subsystems              the histories, in the order they are applied
 * @param lockTimeout             how long a migrator waits for another one's lock
 * @param transactionPerMigration each migration in its own transaction instead of one for the run
 * @param targets                 highest version to apply, per subsystem; absent means all
 * @param only                    the subsystems to apply; empty means all
 * @param confirmed               an operator confirmed {@code -- godwit:confirm} migrations
 * @param autoBackup              back up a database file before {@code migrate} applies anything to it
 * @param backupsToKeep           how many automatic backups to keep, newest first
 * @param progress                told how far backup, restore and verify have got
 * @param recognizers             tell a history another tool wrote (e.g. Chroma's), see {@link HistoryOrigin}
 * @param force                   change the store even while clients hold it in use (see {@link StoreInUseError})
 * @param events                  told what the engine did, for metrics ({@link EngineListener#NONE}: nothing)
 */
public record GodwitConfiguration(Database database, MigrationMode mode, HashAlgorithm hashAlgorithm,
                                  List<Subsystem> subsystems, Duration lockTimeout,
                                  boolean transactionPerMigration, MigrationListener listener,
                                  Map<String, Integer> targets, Set<String> only, boolean confirmed,
                                  boolean autoBackup, int backupsToKeep, ProgressListener progress,
                                  List<HistoryRecognizer> recognizers, boolean force, EngineListener events) {

    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_BUSY_TIMEOUT = Duration.ofSeconds(10);
    public static final int DEFAULT_BACKUPS_TO_KEEP = 3;
    /** Environment variables that override the defaults (not what the code set explicitly). */
    public static final String ENV_MODE = "GODWIT_MIGRATIONS";
    public static final String ENV_HASH = "GODWIT_MIGRATIONS_HASH_ALGORITHM";

    public GodwitConfiguration {
        subsystems = List.copyOf(subsystems);
        targets = Map.copyOf(targets);
        only = Set.copyOf(only);
        recognizers = List.copyOf(recognizers);
        events = events == null ? EngineListener.NONE : events;
    }

    /** A fluent builder; every value is checked in {@link #load()}. Not thread-safe. */
    public static final class Builder {
        private Database database;
        private Path sqliteFile;
        private String url;
        private String user;
        private String password;
        private String schema;
        private Duration busyTimeout = DEFAULT_BUSY_TIMEOUT;
        private MigrationMode mode;
        private HashAlgorithm hashAlgorithm;
        private Map<String, String> environment = Map.of();
        private final List<Subsystem> subsystems = new ArrayList<>();
        private Duration lockTimeout = DEFAULT_LOCK_TIMEOUT;
        private boolean transactionPerMigration;
        private MigrationListener listener = MigrationListener.NONE;
        private final Map<String, Integer> targets = new LinkedHashMap<>();
        private final Set<String> only = new LinkedHashSet<>();
        private boolean confirmed;
        private boolean autoBackup = true;
        private int backupsToKeep = DEFAULT_BACKUPS_TO_KEEP;
        private ProgressListener progress = ProgressListener.NONE;
        private final List<HistoryRecognizer> recognizers = new ArrayList<>();
        private boolean force;
        private EngineListener events = EngineListener.NONE;

        Builder() {
        }

        /** A SQLite database file, created on the first apply. */
        public Builder sqlite(Path file) {
            this.sqliteFile = Objects.requireNonNull(file, "file");
            this.database = null;
            this.url = null;
            return this;
        }

        /**
         * A database by JDBC URL: {@code jdbc:sqlite:FILE} or {@code jdbc:postgresql://host:port/db}.
         * Credentials go through {@link #user} and {@link #password}, never in messages.
         */
        public Builder url(String jdbcUrl) {
            this.url = Objects.requireNonNull(jdbcUrl, "jdbcUrl");
            this.database = null;
            this.sqliteFile = null;
            return this;
        }

        public Builder user(String user) {
            this.user = user;
            return this;
        }

        public Builder password(String password) {
            this.password = password;
            return this;
        }

        /** PostgreSQL: the schema that holds the history and the subsystems' tables (default {@code public}). */
        public Builder schema(String schema) {
            this.schema = schema;
            return this;
        }

        /** Any database through the SPI. */
        public Builder database(Database database) {
            this.database = Objects.requireNonNull(database, "database");
            this.sqliteFile = null;
            this.url = null;
            return this;
        }

        /** How long SQLite waits for another connection's write lock. */
        public Builder busyTimeout(Duration timeout) {
            this.busyTimeout = positive(timeout, "busy timeout");
            return this;
        }

        public Builder mode(MigrationMode mode) {
            this.mode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        public Builder hashAlgorithm(HashAlgorithm algorithm) {
            this.hashAlgorithm = Objects.requireNonNull(algorithm, "algorithm");
            return this;
        }

        /**
         * Environment variables to honour ({@value #ENV_MODE}, {@value #ENV_HASH}); they override the
         * defaults but not what was set explicitly. Pass {@code System.getenv()} to opt in: nothing is
         * read behind the caller's back.
         */
        public Builder environment(Map<String, String> environment) {
            this.environment = Map.copyOf(environment);
            return this;
        }

        public Builder subsystem(Subsystem subsystem) {
            subsystems.add(Objects.requireNonNull(subsystem, "subsystem"));
            return this;
        }

        public Builder subsystem(String name, MigrationSource source) {
            return subsystem(new Subsystem(name, source));
        }

        /** A subsystem whose files are in a folder on disk: how custom migrations are added. */
        public Builder subsystem(String name, Path folder) {
            return subsystem(new Subsystem(name, new DirectorySource(folder)));
        }

        /** A subsystem whose files are in a folder of the classpath. */
        public Builder classpathSubsystem(String name, String folder) {
            return subsystem(new Subsystem(name, new ClasspathSource(folder)));
        }

        public Builder subsystems(List<Subsystem> list) {
            list.forEach(this::subsystem);
            return this;
        }

        public Builder lockTimeout(Duration timeout) {
            this.lockTimeout = positive(timeout, "lock timeout");
            return this;
        }

        /** Each migration in its own transaction, for a very long chain; a failure keeps the earlier ones. */
        public Builder transactionPerMigration(boolean value) {
            this.transactionPerMigration = value;
            return this;
        }

        public Builder listener(MigrationListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** Apply the subsystem only up to this version. */
        public Builder target(String subsystem, int version) {
            if (version < 0) {
                throw new GodwitException("Target version for " + subsystem + " must not be negative: " + version);
            }
            targets.put(subsystem, version);
            return this;
        }

        /** Apply only these subsystems (repeatable); by default all. */
        public Builder only(String subsystem) {
            only.add(subsystem);
            return this;
        }

        /** An operator confirms the migrations marked {@code -- godwit:confirm}. */
        public Builder confirm(boolean value) {
            this.confirmed = value;
            return this;
        }

        /** Back up a SQLite database before {@code migrate} changes it (default on). */
        public Builder autoBackup(boolean value) {
            this.autoBackup = value;
            return this;
        }

        /** How many automatic backups to keep (default {@value GodwitConfiguration#DEFAULT_BACKUPS_TO_KEEP}); older ones are deleted. */
        public Builder backupsToKeep(int count) {
            if (count < 1) {
                throw new GodwitException("Keep at least 1 backup, got " + count + "; to take none, use autoBackup(false)");
            }
            this.backupsToKeep = count;
            return this;
        }

        public Builder progress(ProgressListener listener) {
            this.progress = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** Adds a recognizer of histories another tool wrote; checks then name that tool instead of failing row by row. */
        public Builder recognizer(HistoryRecognizer recognizer) {
            this.recognizers.add(Objects.requireNonNull(recognizer, "recognizer"));
            return this;
        }

        /**
         * Changes the store (migrate, restore, rollback, rehash, repair) even while clients hold it
         * in use, instead of waiting for them and refusing. Running clients of an older release then
         * work on a schema they do not know: an operator's decision, never a default.
         */
        public Builder force(boolean value) {
            this.force = value;
            return this;
        }

        /** Tells {@code listener} what the engine does, for metrics and traces (see {@link EngineListener}). */
        public Builder events(EngineListener listener) {
            this.events = Objects.requireNonNull(listener, "listener");
            return this;
        }

        public GodwitConfiguration build() {
            Database db = database();
            if (subsystems.isEmpty()) {
                throw new GodwitException("No subsystems configured: add at least one with subsystem(...)");
            }
            Set<String> names = new LinkedHashSet<>();
            subsystems.forEach(s -> {
                if (!names.add(s.name())) {
                    throw new GodwitException("Subsystem " + s.name() + " is configured twice");
                }
            });
            for (String name : concat(targets.keySet(), only)) {
                if (!names.contains(name)) {
                    throw new GodwitException("Unknown subsystem '" + name + "' in --target/--only: known are " + names);
                }
            }
            MigrationMode m = mode != null ? mode
                    : environment.containsKey(ENV_MODE) ? MigrationMode.parse(environment.get(ENV_MODE)) : MigrationMode.APPLY;
            HashAlgorithm h = hashAlgorithm != null ? hashAlgorithm
                    : environment.containsKey(ENV_HASH) ? HashAlgorithm.parse(environment.get(ENV_HASH)) : HashAlgorithm.MD5;
            return new GodwitConfiguration(db, m, h, subsystems, lockTimeout, transactionPerMigration, listener,
                    targets, only, confirmed, autoBackup, backupsToKeep, progress, recognizers, force, events);
        }

        private Database database() {
            if (database != null) {
                return database;
            }
            if (sqliteFile != null) {
                return new SqliteDatabase(sqliteFile, busyTimeout);
            }
            if (url == null) {
                throw new GodwitException("No database configured: call sqlite(path), url(jdbcUrl) or database(...)");
            }
            if (url.startsWith("jdbc:sqlite:")) {
                return new SqliteDatabase(Path.of(url.substring("jdbc:sqlite:".length())), busyTimeout);
            }
            if (url.startsWith("jdbc:postgresql:")) {
                return new PostgresDatabase(url, user, password, schema == null ? "public" : schema);
            }
            throw new GodwitException("Unsupported JDBC URL " + url.replaceAll("\\?.*", "")
                    + ": use jdbc:sqlite:FILE or jdbc:postgresql://host:port/database");
        }

        /** Checks the configuration and gives the engine over it. */
        public Godwit load() {
            return new Godwit(build());
        }

        private static List<String> concat(Set<String> a, Set<String> b) {
            List<String> all = new ArrayList<>(a);
            all.addAll(b);
            return all;
        }

        private static Duration positive(Duration d, String what) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new GodwitException("The " + what + " must be positive, got " + d);
            }
            return d;
        }
    }
}
