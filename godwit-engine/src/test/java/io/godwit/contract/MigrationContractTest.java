package io.godwit.contract;

import io.godwit.ConfirmationRequiredError;
import io.godwit.DatabaseAheadError;
import io.godwit.Godwit;
import io.godwit.GodwitConfiguration;
import io.godwit.GodwitException;
import io.godwit.HashAlgorithm;
import io.godwit.InconsistentHashError;
import io.godwit.InconsistentVersionError;
import io.godwit.LockTimeoutError;
import io.godwit.MigrateResult;
import io.godwit.MigrationFailedError;
import io.godwit.MigrationMode;
import io.godwit.MigrationSourceException;
import io.godwit.Plan;
import io.godwit.PlannedMigration;
import io.godwit.Resolution;
import io.godwit.StatusReport;
import io.godwit.SubsystemStatus;
import io.godwit.UnappliedMigrationsError;
import io.godwit.UninitializedMigrationsError;
import io.godwit.spi.Database;
import io.godwit.spi.MigrationLock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The rules of the engine, written once and run against every dialect.
 *
 * <p>Fixture: each test gets a fresh, empty database from {@link #freshDatabase()} and two
 * subsystem folders, {@code alpha} and {@code beta}, in a temporary directory, filled by the test
 * with files of the dialect's {@link #scope()}. The SQL used is plain enough for SQLite and
 * PostgreSQL alike. {@link #snapshot(Database)} must capture everything a run could change
 * (schema and rows), so that "exactly as it was" can be asserted. Destructive checks come last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public abstract class MigrationContractTest {

    /** A new, empty database; called once per test. */
    protected abstract Database freshDatabase();

    /** The scope of migration files for this dialect: sqlite or postgresql. */
    protected abstract String scope();

    /** Everything observable about the database: equal snapshots mean nothing changed. */
    protected abstract String snapshot(Database db);

    @TempDir
    protected Path temp;
    protected Database db;
    protected MigrationFolder alpha;
    protected MigrationFolder beta;

    @BeforeEach
    void setUpFixture() {
        db = freshDatabase();
        alpha = new MigrationFolder(temp.resolve("alpha"), scope());
        beta = new MigrationFolder(temp.resolve("beta"), scope());
    }

    protected GodwitConfiguration.Builder configure() {
        return Godwit.configure().database(db).subsystem("alpha", alpha.dir()).subsystem("beta", beta.dir())
                .lockTimeout(Duration.ofSeconds(20));
    }

    protected MigrateResult migrate() {
        return configure().load().migrate();
    }

    protected void threeAlphaOneBeta() {
        alpha.add(1, "items", "CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL);");
        alpha.add(2, "seed-items", "INSERT INTO items (id, name) VALUES (1, 'first; with a semicolon');\n"
                + "INSERT INTO items (id, name) VALUES (2, 'it''s -- not a comment');");
        alpha.add(3, "items-size", "ALTER TABLE items ADD COLUMN size INTEGER;\nUPDATE items SET size = 7;");
        beta.add(1, "notes", "-- notes belong to items\nCREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);");
    }

    protected List<String> query(String sql) {
        try (Connection c = db.openForReading().orElseThrow(); Statement st = c.createStatement()) {
            return io.godwit.testing.QueryRows.read(st, sql);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    protected void execute(String sql) {
        try (Connection c = db.openForWriting(); Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    // ---- applying -------------------------------------------------------------------------

    @Test
    @Order(1)
    void appliesEverySubsystemInOrderAndRecordsChromaHistory() {
        threeAlphaOneBeta();
        MigrateResult result = migrate();

        assertThat(result.applied()).extracting(a -> a.subsystem() + "/" + a.version())
                .containsExactly("alpha/1", "alpha/2", "alpha/3", "beta/1");
        assertThat(query("SELECT id, name, size FROM items ORDER BY id"))
                .containsExactly("1|first; with a semicolon|7", "2|it's -- not a comment|7");
        assertThat(query("SELECT dir, version, filename, hash FROM migrations ORDER BY dir, version"))
                .containsExactly(
                        "alpha|1|" + alpha.file(1, "items") + "|" + HashAlgorithm.MD5.hash("CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL);"),
                        "alpha|2|" + alpha.file(2, "seed-items") + "|" + md5Of(alpha, 2, "seed-items"),
                        "alpha|3|" + alpha.file(3, "items-size") + "|" + md5Of(alpha, 3, "items-size"),
                        "beta|1|" + beta.file(1, "notes") + "|" + md5Of(beta, 1, "notes"));
        assertThat(query("SELECT sql FROM migrations WHERE dir = 'beta'"))
                .containsExactly("-- notes belong to items\nCREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);");
        assertThat(query("SELECT state, hash_algorithm FROM godwit_migrations WHERE dir = 'alpha' AND version = 1"))
                .containsExactly("applied|md5");
    }

    private static String md5Of(MigrationFolder folder, int version, String name) {
        try {
            return HashAlgorithm.MD5.hash(HashAlgorithm.normalize(
                    java.nio.file.Files.readString(folder.dir().resolve(folder.file(version, name)))));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    @Order(2)
    void aSecondRunAppliesNothingAndChangesNothing() {
        threeAlphaOneBeta();
        migrate();
        String before = snapshot(db);

        MigrateResult again = migrate();

        assertThat(again.applied()).isEmpty();
        assertThat(snapshot(db)).isEqualTo(before);
    }

    @Test
    @Order(3)
    void newFilesAreAppliedOnTopOfAnExistingHistory() {
        threeAlphaOneBeta();
        migrate();
        beta.add(2, "notes-item", "ALTER TABLE notes ADD COLUMN item_id INTEGER;");

        assertThat(migrate().applied()).extracting(a -> a.subsystem() + "/" + a.version()).containsExactly("beta/2");
        configure().load().validate();
    }

    @Test
    @Order(4)
    void crlfAndBomCopiesOfAnAppliedFileStillValidate() {
        alpha.add(1, "items", "-- items\nCREATE TABLE items (id INTEGER PRIMARY KEY);\n");
        migrate();
        alpha.write(alpha.file(1, "items"), "\uFEFF-- items\r\nCREATE TABLE items (id INTEGER PRIMARY KEY);\r\n");

        configure().load().validate();
        assertThat(migrate().applied()).isEmpty();
    }

    @Test
    @Order(5)
    void scriptsWithTriggersAndQuotedSemicolonsRunWhole() {
        alpha.add(1, "audit", "CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT);\n"
                + "CREATE TABLE audit (msg TEXT);\n"
                + "/* a comment; with a semicolon */\n"
                + "INSERT INTO audit (msg) VALUES ('a;b;c');");
        migrate();
        assertThat(query("SELECT msg FROM audit")).containsExactly("a;b;c");
    }

    @Test
    @Order(6)
    void sha256HistoriesValidateUnderSha256Only() {
        threeAlphaOneBeta();
        configure().hashAlgorithm(HashAlgorithm.SHA256).load().migrate();

        assertThat(query("SELECT hash FROM migrations WHERE dir = 'beta'")).containsExactly(sha256Of(beta, 1, "notes"));
        configure().hashAlgorithm(HashAlgorithm.SHA256).load().validate();
        assertThatThrownBy(() -> configure().hashAlgorithm(HashAlgorithm.MD5).load().validate())
                .isInstanceOf(InconsistentHashError.class).hasMessageContaining("sha256");
    }

    private static String sha256Of(MigrationFolder folder, int version, String name) {
        try {
            return HashAlgorithm.SHA256.hash(HashAlgorithm.normalize(
                    java.nio.file.Files.readString(folder.dir().resolve(folder.file(version, name)))));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    // ---- modes ----------------------------------------------------------------------------

    @Test
    @Order(10)
    void validateOnAFreshDatabaseCreatesNothing() {
        threeAlphaOneBeta();
        String before = snapshot(db);

        assertThatThrownBy(() -> configure().mode(MigrationMode.VALIDATE).load().migrate())
                .isInstanceOf(UninitializedMigrationsError.class)
                .hasMessageContaining("Migrations have not been initialized")
                .extracting(e -> ((GodwitException) e).exitCode()).isEqualTo(3);
        assertThat(snapshot(db)).isEqualTo(before);
    }

    @Test
    @Order(11)
    void validateReportsPendingAndWritesNothing() {
        threeAlphaOneBeta();
        migrate();
        alpha.add(4, "more", "CREATE TABLE more_items (id INTEGER);");
        alpha.add(5, "even-more", "CREATE TABLE even_more (id INTEGER);");
        String before = snapshot(db);

        assertThatThrownBy(() -> configure().load().validate())
                .isInstanceOfSatisfying(UnappliedMigrationsError.class, e -> {
                    assertThat(e.subsystem()).isEqualTo("alpha");
                    assertThat(e.firstVersion()).isEqualTo(4);
                    assertThat(e.exitCode()).isEqualTo(3);
                })
                .hasMessageStartingWith("Unapplied migrations in alpha, starting with version 4");
        assertThat(snapshot(db)).isEqualTo(before);
    }

    @Test
    @Order(12)
    void noneModeDoesNothing() {
        threeAlphaOneBeta();
        String before = snapshot(db);

        assertThat(configure().mode(MigrationMode.NONE).load().migrate().applied()).isEmpty();
        assertThat(snapshot(db)).isEqualTo(before);
    }

    @Test
    @Order(13)
    void environmentOverridesDefaultsButNotExplicitSettings() {
        threeAlphaOneBeta();
        Map<String, String> env = Map.of("GODWIT_MIGRATIONS", "validate", "GODWIT_MIGRATIONS_HASH_ALGORITHM", "sha256");

        assertThatThrownBy(() -> configure().environment(env).load().migrate())
                .isInstanceOf(UninitializedMigrationsError.class);
        GodwitConfiguration explicit = configure().environment(env).mode(MigrationMode.APPLY).build();
        assertThat(explicit.mode()).isEqualTo(MigrationMode.APPLY);
        assertThat(explicit.hashAlgorithm()).isEqualTo(HashAlgorithm.SHA256);
        assertThatThrownBy(() -> configure().environment(Map.of("GODWIT_MIGRATIONS_HASH_ALGORITHM", "crc32")).build())
                .isInstanceOf(MigrationSourceException.class).hasMessageContaining("crc32");
        java.util.function.Supplier<GodwitConfiguration.Builder> bare = () -> Godwit.configure().database(db)
                .subsystem("alpha", alpha.dir());
        assertThat(bare.get().build().lockTimeout()).isEqualTo(GodwitConfiguration.DEFAULT_LOCK_TIMEOUT);
        assertThat(bare.get().environment(Map.of("GODWIT_LOCK_TIMEOUT", "7")).build().lockTimeout()).hasSeconds(7);
        assertThat(configure().environment(Map.of("GODWIT_LOCK_TIMEOUT", "7")).build().lockTimeout()).hasSeconds(20);
        assertThatThrownBy(() -> bare.get().environment(Map.of("GODWIT_LOCK_TIMEOUT", "soon")).build())
                .hasMessage("GODWIT_LOCK_TIMEOUT=soon is not a positive number of seconds");
    }

    // ---- status and plan ------------------------------------------------------------------

    @Test
    @Order(20)
    void statusAndPlanShowAppliedAndPendingWithoutWriting() {
        threeAlphaOneBeta();
        configure().target("alpha", 1).only("alpha").load().migrate();
        String before = snapshot(db);

        StatusReport status = configure().load().status();
        Plan plan = configure().load().plan();

        assertThat(status.current()).isFalse();
        SubsystemStatus alphaStatus = status.subsystems().get(0);
        assertThat(alphaStatus.applied()).extracting(e -> e.version()).containsExactly(1);
        assertThat(alphaStatus.applied().get(0).appliedAt()).isNotNull();
        assertThat(alphaStatus.pending()).extracting(p -> p.version()).containsExactly(2, 3);
        assertThat(plan.migrations()).extracting(p -> p.subsystem() + "/" + p.version())
                .containsExactly("alpha/2", "alpha/3", "beta/1");
        assertThat(plan.migrations().get(0).sql()).contains("first; with a semicolon");
        assertThat(snapshot(db)).isEqualTo(before);
    }

    @Test
    @Order(21)
    void statusOnAFreshDatabaseSaysUninitializedAndCreatesNothing() {
        threeAlphaOneBeta();
        String before = snapshot(db);

        StatusReport status = configure().load().status();

        assertThat(status.initialized()).isFalse();
        assertThat(status.subsystems().get(0).pending()).hasSize(3);
        assertThat(snapshot(db)).isEqualTo(before);
    }

    // ---- targets, subsets, confirmation ---------------------------------------------------

    @Test
    @Order(30)
    void targetsAndOnlyLimitARunAndATargetBelowCurrentIsRefused() {
        threeAlphaOneBeta();
        assertThat(configure().target("alpha", 2).only("alpha").load().migrate().applied())
                .extracting(a -> a.subsystem() + "/" + a.version()).containsExactly("alpha/1", "alpha/2");

        assertThatThrownBy(() -> configure().target("alpha", 1).load().migrate())
                .isInstanceOf(GodwitException.class).hasMessageContaining("below the current version 2")
                .hasMessageContaining("godwit rollback");
        assertThat(migrate().applied()).extracting(a -> a.subsystem() + "/" + a.version())
                .containsExactly("alpha/3", "beta/1");
    }

    @Test
    @Order(31)
    void aConfirmGatedMigrationNeedsAnOperator() {
        threeAlphaOneBeta();
        migrate();
        alpha.add(4, "drop-size", "-- godwit:confirm drops the size column's data\nUPDATE items SET size = NULL;");
        String before = snapshot(db);

        assertThatThrownBy(this::migrate).isInstanceOfSatisfying(ConfirmationRequiredError.class, e -> {
            assertThat(e.reason()).isEqualTo("drops the size column's data");
            assertThat(e.filename()).isEqualTo(alpha.file(4, "drop-size"));
        }).hasMessageContaining("godwit migrate --confirm");
        assertThat(snapshot(db)).isEqualTo(before);
        assertThat(configure().load().plan().migrations().get(0).confirmReason()).isEqualTo("drops the size column's data");

        assertThat(configure().confirm(true).load().migrate().applied()).hasSize(1);
    }

    // ---- Java and repeatable migrations ---------------------------------------------------

    private GodwitConfiguration.Builder withJava(TestJavaMigration java) {
        return Godwit.configure().database(db).lockTimeout(Duration.ofSeconds(20))
                .subsystem(new io.godwit.Subsystem("alpha", new io.godwit.source.DirectorySource(alpha.dir())).with(java))
                .subsystem("beta", beta.dir());
    }

    @Test
    @Order(32)
    void aJavaMigrationTakesItsPlaceInTheSequence() {
        threeAlphaOneBeta();
        MigrateResult result = withJava(new TestJavaMigration(4, "v1", false)).load().migrate();

        assertThat(result.applied()).extracting(a -> a.subsystem() + "/" + a.filename())
                .contains("alpha/00004-uppercase-names.java");
        assertThat(query("SELECT name FROM items ORDER BY id")).containsExactly("FIRST; WITH A SEMICOLON", "IT'S -- NOT A COMMENT");
        assertThat(query("SELECT sql FROM migrations WHERE dir = 'alpha' AND version = 4"))
                .containsExactly("-- java migration " + TestJavaMigration.class.getName() + " checksum v1");
        withJava(new TestJavaMigration(4, "v1", false)).load().validate();

        assertThatThrownBy(() -> withJava(new TestJavaMigration(4, "v2", false)).load().validate())
                .isInstanceOfSatisfying(InconsistentHashError.class,
                        e -> assertThat(e.filename()).isEqualTo("00004-uppercase-names.java"));
    }

    @Test
    @Order(33)
    void aFailingJavaMigrationRollsBackTheWholeRun() {
        threeAlphaOneBeta();
        configure().target("alpha", 1).only("alpha").load().migrate();
        String before = snapshot(db);

        assertThatThrownBy(() -> withJava(new TestJavaMigration(4, "v1", true)).load().migrate())
                .isInstanceOfSatisfying(MigrationFailedError.class, e -> {
                    assertThat(e.version()).isEqualTo(4);
                    assertThat(e.databaseMessage()).contains("refusing to continue");
                });
        assertThat(snapshot(db)).isEqualTo(before);
    }

    @Test
    @Order(34)
    void aJavaMigrationAndAFileOfOneVersionAreADuplicate() {
        threeAlphaOneBeta();
        assertThatThrownBy(() -> withJava(new TestJavaMigration(3, "v1", false)).load().migrate())
                .isInstanceOf(MigrationSourceException.class).hasMessageContaining("Duplicate migration version 3");
    }

    @Test
    @Order(35)
    void repeatableMigrationsRunAfterVersionedOnesAndAgainOnlyWhenChanged() {
        threeAlphaOneBeta();
        alpha.write("R-item-names." + scope() + ".sql", "CREATE VIEW item_names AS SELECT name FROM items;");

        MigrateResult first = migrate();
        assertThat(first.applied()).extracting(a -> a.filename()).last().isEqualTo("R-item-names." + scope() + ".sql");
        assertThat(query("SELECT count(*) FROM item_names")).containsExactly("2");
        assertThat(migrate().applied()).isEmpty();
        configure().load().validate();

        alpha.write("R-item-names." + scope() + ".sql",
                "DROP VIEW item_names;\nCREATE VIEW item_names AS SELECT name, size FROM items;");
        assertThatThrownBy(() -> configure().load().validate()).isInstanceOf(UnappliedMigrationsError.class)
                .hasMessageContaining("repeatable migration R-item-names");
        assertThat(configure().load().plan().migrations()).extracting(p -> p.repeatable()).containsExactly(true);
        assertThat(configure().load().status().subsystems().get(0).pending()).hasSize(1);
        assertThat(migrate().applied()).extracting(a -> a.filename()).containsExactly("R-item-names." + scope() + ".sql");
        assertThat(query("SELECT size FROM item_names")).containsExactly("7", "7");
        assertThat(migrate().applied()).isEmpty();
    }

    // ---- bad sources: nothing touches the database ----------------------------------------

    @Test
    @Order(40)
    void aBadFileNameIsNamed() {
        threeAlphaOneBeta();
        alpha.write("0004_missing_dash.sql", "SELECT 1;");
        alpha.write("README.md", "not a migration, ignored");
        String before = snapshot(db);

        assertThatThrownBy(this::migrate).isInstanceOf(MigrationSourceException.class)
                .hasMessageContaining("alpha/0004_missing_dash.sql")
                .extracting(e -> ((GodwitException) e).exitCode()).isEqualTo(7);
        assertThat(snapshot(db)).isEqualTo(before);
    }

    @Test
    @Order(41)
    void aDuplicateVersionIsNamed() {
        threeAlphaOneBeta();
        alpha.add(2, "other-seed", "SELECT 1;");

        assertThatThrownBy(this::migrate).isInstanceOf(MigrationSourceException.class)
                .hasMessageContaining("Duplicate migration version 2 in alpha")
                .hasMessageContaining(alpha.file(2, "other-seed")).hasMessageContaining(alpha.file(2, "seed-items"));
    }

    @Test
    @Order(42)
    void aGapIsNamed() {
        threeAlphaOneBeta();
        alpha.add(5, "skipped-four", "SELECT 1;");

        assertThatThrownBy(this::migrate).isInstanceOf(MigrationSourceException.class)
                .hasMessageContaining("Missing migration version 4 in alpha");
    }

    @Test
    @Order(44)
    void aNoTransactionRepeatableIsRefused() {
        alpha.write("R-views." + scope() + ".sql", "-- godwit:no-transaction\nCREATE VIEW v AS SELECT 1 AS one;");
        assertThatThrownBy(this::migrate).isInstanceOf(MigrationSourceException.class)
                .hasMessageContaining("alpha/R-views." + scope() + ".sql");
    }

    @Test
    @Order(43)
    void filesOfTheOtherKnownScopeAreIgnored() {
        threeAlphaOneBeta();
        String other = scope().equals("sqlite") ? "postgresql" : "sqlite";
        alpha.write("00004-other-dialect." + other + ".sql", "THIS IS NOT SQL FOR US;");

        assertThat(migrate().applied()).hasSize(4);
    }

    // ---- inconsistent histories -----------------------------------------------------------

    @Test
    @Order(50)
    void aModifiedFileIsAnInconsistentHash() {
        threeAlphaOneBeta();
        migrate();
        alpha.add(2, "seed-items", "INSERT INTO items (id, name) VALUES (1, 'changed');");
        String before = snapshot(db);

        assertThatThrownBy(this::migrate).isInstanceOfSatisfying(InconsistentHashError.class, e -> {
            assertThat(e.subsystem()).isEqualTo("alpha");
            assertThat(e.filename()).isEqualTo(alpha.file(2, "seed-items"));
            assertThat(e.exitCode()).isEqualTo(4);
        }).hasMessageStartingWith("Inconsistent hashes in alpha/" + alpha.file(2, "seed-items") + ": db hash was ");
        assertThat(snapshot(db)).isEqualTo(before);
    }

    @Test
    @Order(51)
    void aRemovedLastFileMeansTheDatabaseIsAhead() {
        threeAlphaOneBeta();
        migrate();
        alpha.remove(alpha.file(3, "items-size"));

        assertThatThrownBy(this::migrate).isInstanceOfSatisfying(DatabaseAheadError.class, e -> {
            assertThat(e.newestApplied()).isEqualTo(3);
            assertThat(e.newestAppliedFile()).isEqualTo(alpha.file(3, "items-size"));
            assertThat(e.newestKnown()).isEqualTo(2);
            assertThat(e.exitCode()).isEqualTo(4);
        });
        assertThatThrownBy(() -> configure().load().validate()).isInstanceOf(DatabaseAheadError.class);
    }

    @Test
    @Order(52)
    void aRemovedMiddleFileIsAGap() {
        threeAlphaOneBeta();
        migrate();
        alpha.remove(alpha.file(2, "seed-items"));

        assertThatThrownBy(this::migrate).isInstanceOf(MigrationSourceException.class)
                .hasMessageContaining("Missing migration version 2 in alpha");
    }

    @Test
    @Order(53)
    void aRenumberedSequenceIsAnInconsistentVersion() {
        threeAlphaOneBeta();
        migrate();
        alpha.remove(alpha.file(1, "items"));
        alpha.remove(alpha.file(2, "seed-items"));
        alpha.remove(alpha.file(3, "items-size"));
        alpha.add(2, "items", "CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL);");
        alpha.add(3, "seed-items", "SELECT 1;");

        assertThatThrownBy(this::migrate).isInstanceOfSatisfying(InconsistentVersionError.class, e -> {
            assertThat(e.dbVersion()).isEqualTo(1);
            assertThat(e.sourceVersion()).isEqualTo(2);
        }).hasMessage("Inconsistent migration versions in alpha: db version was 1, source version was 2."
                + " Has the migration sequence been modified since it was applied?"
                + " Restore the original migration files, or restore the database from a backup.");
    }

    @Test
    @Order(54)
    void statusReportsTheInconsistencyPerSubsystem() {
        threeAlphaOneBeta();
        migrate();
        alpha.add(1, "items", "CREATE TABLE items (id INTEGER PRIMARY KEY);");

        StatusReport status = configure().load().status();

        assertThat(status.subsystems().get(0).problem()).isInstanceOf(InconsistentHashError.class);
        assertThat(status.subsystems().get(1).current()).isTrue();
    }

    // ---- locking --------------------------------------------------------------------------

    @Test
    @Order(60)
    void aHeldLockTimesOutNamingItsHolder() throws Exception {
        threeAlphaOneBeta();
        try (Connection c = db.openForWriting(); MigrationLock held = db.lock(c, Duration.ofSeconds(5))) {
            String before = snapshot(db);
            assertThatThrownBy(() -> configure().lockTimeout(Duration.ofMillis(300)).load().migrate())
                    .isInstanceOfSatisfying(LockTimeoutError.class, e -> {
                        assertThat(e.holder()).contains("pid");
                        assertThat(e.exitCode()).isEqualTo(6);
                    });
            assertThat(snapshot(db)).isEqualTo(before);
        }
        assertThat(migrate().applied()).hasSize(4);
    }

    // ---- no-transaction migrations --------------------------------------------------------

    @Test
    @Order(70)
    void aNoTransactionMigrationRunsAloneAndIsRecordedWhenItSucceeds() {
        threeAlphaOneBeta();
        alpha.add(4, "alone", "-- godwit:no-transaction\nCREATE TABLE alone (x INTEGER);\nINSERT INTO alone (x) VALUES (4);");
        alpha.add(5, "after-alone", "INSERT INTO alone (x) VALUES (5);");
        assertThat(configure().load().plan().migrations()).extracting(PlannedMigration::noTransaction)
                .containsExactly(false, false, false, true, false, false);

        assertThat(migrate().applied()).extracting(a -> a.subsystem() + "/" + a.version())
                .containsExactly("alpha/1", "alpha/2", "alpha/3", "alpha/4", "alpha/5", "beta/1");
        assertThat(query("SELECT x FROM alone ORDER BY x")).containsExactly("4", "5");
        assertThat(query("SELECT state FROM godwit_migrations WHERE dir = 'alpha' AND version = 4")).containsExactly("applied");
        configure().load().validate();
    }

    /** alpha 1-3 and beta 1 applied; alpha/4 runs outside a transaction and fails at statement 2. */
    protected void aFailedNoTransactionMigration() {
        threeAlphaOneBeta();
        migrate();
        alpha.add(4, "half", "-- godwit:no-transaction\nCREATE TABLE half (x INTEGER);\nINSERT INTO missing_table (x) VALUES (1);");
        alpha.add(5, "after-half", "CREATE TABLE after_half (x INTEGER);");
        assertThatThrownBy(this::migrate).isInstanceOfSatisfying(MigrationFailedError.class, e -> {
            assertThat(e.version()).isEqualTo(4);
            assertThat(e.statementNumber()).isEqualTo(2);
        }).hasMessageContaining("outside a transaction");
    }

    @Test
    @Order(71)
    void aFailedNoTransactionMigrationNeedsAttentionUntilRetried() {
        aFailedNoTransactionMigration();
        assertThat(query("SELECT count(*) FROM half")).as("its first statement stays").containsExactly("0");
        assertThat(query("SELECT state FROM godwit_migrations WHERE dir = 'alpha' AND version = 4")).containsExactly("failed");
        PlannedMigration pending = configure().load().status().subsystems().get(0).pending().get(0);
        assertThat(pending.version()).isEqualTo(4);
        assertThat(pending.attention()).contains("state: failed").contains("godwit resolve --retry alpha/4");
        String before = snapshot(db);

        assertThatThrownBy(this::migrate).isInstanceOfSatisfying(io.godwit.UnfinishedMigrationError.class, e -> {
                    assertThat(e.state()).isEqualTo("failed");
                    assertThat(e.version()).isEqualTo(4);
                    assertThat(e.exitCode()).isEqualTo(3);
                })
                .hasMessageContaining("godwit resolve --retry alpha/4").hasMessageContaining("--mark-applied alpha/4");
        assertThat(snapshot(db)).isEqualTo(before);

        alpha.add(4, "half", "-- godwit:no-transaction\nCREATE TABLE IF NOT EXISTS half (x INTEGER);\nINSERT INTO half (x) VALUES (1);");
        configure().load().resolve("alpha", 4, Resolution.RETRY);
        assertThat(configure().load().status().subsystems().get(0).pending().get(0).attention()).isNull();
        assertThat(migrate().applied()).extracting(a -> a.subsystem() + "/" + a.version())
                .containsExactly("alpha/4", "alpha/5");
        assertThat(query("SELECT x FROM half")).containsExactly("1");
        assertThat(query("SELECT hash FROM migrations WHERE dir = 'alpha' AND version = 4"))
                .containsExactly(md5Of(alpha, 4, "half"));
        configure().load().validate();
    }

    @Test
    @Order(72)
    void aNoTransactionMigrationFinishedByHandIsMarkedApplied() {
        aFailedNoTransactionMigration();
        execute("CREATE TABLE missing_table (x INTEGER)");
        execute("INSERT INTO missing_table (x) VALUES (1)");

        configure().load().resolve("alpha", 4, Resolution.MARK_APPLIED);

        assertThat(query("SELECT filename, hash, sql FROM migrations WHERE dir = 'alpha' AND version = 4"))
                .containsExactly(alpha.file(4, "half") + "|" + md5Of(alpha, 4, "half") + "|"
                        + "-- godwit:no-transaction\nCREATE TABLE half (x INTEGER);\nINSERT INTO missing_table (x) VALUES (1);");
        assertThat(query("SELECT state, duration_ms, note FROM godwit_migrations WHERE dir = 'alpha' AND version = 4"))
                .singleElement().asString().startsWith("applied|null|marked applied by an operator").endsWith("left it failed");
        assertThat(migrate().applied()).extracting(a -> a.subsystem() + "/" + a.version()).containsExactly("alpha/5");
        assertThat(query("SELECT count(*) FROM missing_table")).as("not run again").containsExactly("1");
        configure().load().validate();
    }

    @Test
    @Order(73)
    void resolveRefusesWhatNeedsNoAttentionAndWritesNothing() {
        threeAlphaOneBeta();
        String fresh = snapshot(db);
        assertThatThrownBy(() -> configure().load().resolve("alpha", 1, Resolution.RETRY))
                .isInstanceOf(GodwitException.class).hasMessageContaining("nothing to resolve");
        assertThat(snapshot(db)).isEqualTo(fresh);

        migrate();
        alpha.add(4, "pending", "CREATE TABLE pending_one (x INTEGER);");
        String before = snapshot(db);
        assertThatThrownBy(() -> configure().load().resolve("alpha", 2, Resolution.MARK_APPLIED))
                .isInstanceOf(GodwitException.class).hasMessageContaining("alpha/2 does not need attention");
        assertThatThrownBy(() -> configure().load().resolve("alpha", 4, Resolution.MARK_APPLIED))
                .isInstanceOf(GodwitException.class).hasMessageContaining("alpha/4 does not need attention");
        assertThatThrownBy(() -> configure().load().resolve("gamma", 1, Resolution.RETRY))
                .isInstanceOf(GodwitException.class).hasMessageContaining("Unknown subsystem 'gamma'");
        assertThat(snapshot(db)).isEqualTo(before);
    }

    // ---- failures: destructive checks last ------------------------------------------------

    @Test
    @Order(90)
    void aFailingMigrationLeavesTheDatabaseExactlyAsItWas() {
        threeAlphaOneBeta();
        configure().target("alpha", 1).only("alpha").load().migrate();
        beta.add(2, "broken", "INSERT INTO notes (id, body) VALUES (1, 'kept?');\n\nINSERT INTO no_such_table (x) VALUES (1);");
        String before = snapshot(db);

        assertThatThrownBy(this::migrate).isInstanceOfSatisfying(MigrationFailedError.class, e -> {
            assertThat(e.subsystem()).isEqualTo("beta");
            assertThat(e.version()).isEqualTo(2);
            assertThat(e.filename()).isEqualTo(beta.file(2, "broken"));
            assertThat(e.statementNumber()).isEqualTo(2);
            assertThat(e.line()).isEqualTo(3);
            assertThat(e.databaseMessage()).containsIgnoringCase("no_such_table");
            assertThat(e.exitCode()).isEqualTo(5);
        }).hasMessageContaining("rolled back");
        assertThat(snapshot(db)).isEqualTo(before);
    }

    @Test
    @Order(91)
    void aFailingFirstRunLeavesNoHistory() {
        alpha.add(1, "ok", "CREATE TABLE items (id INTEGER);");
        alpha.add(2, "broken", "CREATE TABLE oops (;");
        String before = snapshot(db);

        assertThatThrownBy(this::migrate).isInstanceOf(MigrationFailedError.class);
        assertThat(snapshot(db)).isEqualTo(before);
    }

    @Test
    @Order(92)
    void perMigrationTransactionsKeepWhatSucceeded() {
        alpha.add(1, "ok", "CREATE TABLE items (id INTEGER);");
        alpha.add(2, "broken", "INSERT INTO items (id) VALUES (1);\nINSERT INTO nowhere VALUES (1);");

        assertThatThrownBy(() -> configure().transactionPerMigration(true).load().migrate())
                .isInstanceOf(MigrationFailedError.class).hasMessageContaining("1 migration(s) committed before it");
        assertThat(query("SELECT dir, version FROM migrations")).containsExactly("alpha|1");
        assertThat(query("SELECT count(*) FROM items")).containsExactly("0");
    }
}
