package io.godwit.internal;

import io.godwit.Godwit;
import io.godwit.GodwitConfiguration;
import io.godwit.GodwitException;
import io.godwit.HashAlgorithm;
import io.godwit.InconsistentHashError;
import io.godwit.RehashResult;
import io.godwit.RepairResult;
import io.godwit.contract.MigrationFolder;
import io.godwit.testing.SqliteFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** repair and rehash: the recovery paths that were SQL-shell work, as operations with rules. */
class HistoryRepairTest {
    private static final String V1 = "CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT);";
    private static final String V1_FIXED = "CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT); -- fixed a comment";

    @TempDir
    Path temp;
    Path db;
    MigrationFolder alpha;

    @BeforeEach
    void database() {
        db = temp.resolve("godwit.sqlite3");
        alpha = new MigrationFolder(temp.resolve("alpha"), "sqlite");
        alpha.add(1, "items", V1);
        alpha.add(2, "seed", "INSERT INTO items (name) VALUES ('one');");
        configure(HashAlgorithm.MD5).load().migrate();
    }

    private GodwitConfiguration.Builder configure(HashAlgorithm algorithm) {
        return Godwit.configure().sqlite(db).subsystem("alpha", alpha.dir()).hashAlgorithm(algorithm).autoBackup(false);
    }

    @Test
    void aRepairedEditValidatesAndADifferentEditStillFails() {
        alpha.add(1, "items", V1_FIXED);
        assertThatThrownBy(() -> configure(HashAlgorithm.MD5).load().validate())
                .isInstanceOf(InconsistentHashError.class).hasMessageContaining("godwit repair --accept alpha/1");

        RepairResult repair = configure(HashAlgorithm.MD5).load().repair("alpha", 1, "fixed a comment; same schema");

        assertThat(repair.alreadyAccepted()).isFalse();
        assertThat(repair.recordedHash()).isEqualTo(HashAlgorithm.MD5.hash(V1));
        assertThat(repair.acceptedHash()).isEqualTo(HashAlgorithm.MD5.hash(V1_FIXED));
        configure(HashAlgorithm.MD5).load().validate();
        assertThat(SqliteFiles.query(db, "SELECT hash, sql FROM migrations WHERE version = 1"))
                .as("the recorded hash and the applied SQL stay").containsExactly(HashAlgorithm.MD5.hash(V1) + "|" + V1);
        assertThat(SqliteFiles.query(db, "SELECT accepted_hashes FROM godwit_migrations WHERE version = 1"))
                .containsExactly(HashAlgorithm.MD5.hash(V1_FIXED));
        assertThat(SqliteFiles.query(db, "SELECT note FROM godwit_migrations WHERE version = 1").get(0))
                .contains("repair: accepted md5 " + repair.acceptedHash()).contains("beside the recorded " + repair.recordedHash())
                .endsWith("fixed a comment; same schema");
        assertThat(configure(HashAlgorithm.MD5).load().verify().ok()).isTrue();

        alpha.add(1, "items", V1); // the original text validates as well
        configure(HashAlgorithm.MD5).load().validate();

        alpha.add(1, "items", V1 + " -- another edit");
        assertThatThrownBy(() -> configure(HashAlgorithm.MD5).load().validate()).isInstanceOf(InconsistentHashError.class);

        alpha.add(1, "items", V1_FIXED);
        assertThat(configure(HashAlgorithm.MD5).load().repair("alpha", 1, "again").alreadyAccepted()).isTrue();
    }

    @Test
    void repairNeedsAReasonAnAppliedMigrationAndItsFile() {
        assertThatThrownBy(() -> configure(HashAlgorithm.MD5).load().repair("alpha", 1, " "))
                .hasMessageContaining("--reason");
        alpha.add(3, "later", "SELECT 1;");
        assertThatThrownBy(() -> configure(HashAlgorithm.MD5).load().repair("alpha", 3, "why"))
                .hasMessageContaining("is not applied");
        assertThatThrownBy(() -> configure(HashAlgorithm.MD5).load().repair("alpha", 9, "why"))
                .hasMessageContaining("no migration file of version 9");
        assertThatThrownBy(() -> configure(HashAlgorithm.MD5).load().repair("gamma", 1, "why"))
                .hasMessageContaining("Unknown subsystem 'gamma'");
    }

    @Test
    void rehashMovesTheHistoryToSha256AndMd5NoLongerValidates() {
        RehashResult result = configure(HashAlgorithm.MD5).load().rehash(HashAlgorithm.SHA256);

        assertThat(result.rows()).isEqualTo(2);
        assertThat(result.droppedAcceptedHashes()).isZero();
        configure(HashAlgorithm.SHA256).load().validate();
        assertThat(configure(HashAlgorithm.SHA256).load().verify().ok()).isTrue();
        assertThat(SqliteFiles.query(db, "SELECT hash FROM migrations WHERE version = 1")).containsExactly(HashAlgorithm.SHA256.hash(V1));
        assertThat(SqliteFiles.query(db, "SELECT DISTINCT hash_algorithm FROM godwit_migrations")).containsExactly("sha256");
        assertThatThrownBy(() -> configure(HashAlgorithm.MD5).load().validate())
                .isInstanceOf(InconsistentHashError.class)
                .hasMessageContaining("The history is hashed with sha256 but md5 is configured")
                .hasMessageContaining("--hash sha256")
                .hasMessageContaining("godwit rehash --to md5");

        alpha.add(3, "after", "CREATE TABLE after_rehash (x INTEGER);");
        assertThat(configure(HashAlgorithm.SHA256).load().migrate().applied()).hasSize(1);
        configure(HashAlgorithm.SHA256).load().rehash(HashAlgorithm.MD5);
        configure(HashAlgorithm.MD5).load().validate();
    }

    @Test
    void rehashChecksEveryFileFirstAndChangesNothingWhenOneDiffers() {
        alpha.add(2, "seed", "INSERT INTO items (name) VALUES ('uno');");
        String before = SqliteFiles.sha256(db);

        assertThatThrownBy(() -> configure(HashAlgorithm.MD5).load().rehash(HashAlgorithm.SHA256))
                .isInstanceOf(InconsistentHashError.class)
                .hasMessageContaining("alpha/00002-seed.sqlite.sql")
                .hasMessageContaining("nothing was changed");
        assertThat(SqliteFiles.sha256(db)).isEqualTo(before);
        assertThat(SqliteFiles.query(db, "SELECT hash FROM migrations ORDER BY version"))
                .allSatisfy(h -> assertThat(HashAlgorithm.MD5.produced(h)).isTrue());
    }

    @Test
    void rehashCarriesARepairedFileOver() {
        alpha.add(1, "items", V1_FIXED);
        configure(HashAlgorithm.MD5).load().repair("alpha", 1, "comment");

        configure(HashAlgorithm.MD5).load().rehash(HashAlgorithm.SHA256);

        configure(HashAlgorithm.SHA256).load().validate();
        alpha.add(1, "items", V1);
        configure(HashAlgorithm.SHA256).load().validate();
        assertThat(SqliteFiles.query(db, "SELECT accepted_hashes FROM godwit_migrations WHERE version = 1"))
                .containsExactly(HashAlgorithm.SHA256.hash(V1_FIXED));
    }

    @Test
    void rehashRefusesAHistoryItCannotCheckWhole() {
        SqliteFiles.execute(db, "INSERT INTO migrations VALUES ('gamma', 1, '00001-x.sqlite.sql', 'SELECT 1;', 'abc')");
        assertThatThrownBy(() -> configure(HashAlgorithm.MD5).load().rehash(HashAlgorithm.SHA256))
                .isInstanceOf(GodwitException.class).hasMessageContaining("subsystem 'gamma', which is not configured");
    }

    @Test
    void aHistoryChromaWroteWithoutGodwitsSideTableIsRepairedAndRehashed() {
        SqliteFiles.execute(db, "DROP TABLE godwit_migrations");
        alpha.add(1, "items", V1_FIXED);

        configure(HashAlgorithm.MD5).load().repair("alpha", 1, "upstream fix");
        configure(HashAlgorithm.MD5).load().validate();
        configure(HashAlgorithm.MD5).load().rehash(HashAlgorithm.SHA256);

        configure(HashAlgorithm.SHA256).load().validate();
        assertThat(SqliteFiles.query(db, "SELECT version, state, hash_algorithm, applied_at FROM godwit_migrations ORDER BY version"))
                .containsExactly("1|applied|sha256|null", "2|applied|sha256|null");
    }

    @Test
    void rehashRewritesRepeatableMigrationsSoTheyDoNotRunAgain() {
        alpha.write("R-item-names.sqlite.sql", "CREATE VIEW IF NOT EXISTS item_names AS SELECT name FROM items;");
        assertThat(configure(HashAlgorithm.MD5).load().migrate().applied()).hasSize(1);

        RehashResult result = configure(HashAlgorithm.MD5).load().rehash(HashAlgorithm.SHA256);

        assertThat(result.rows()).isEqualTo(3);
        assertThat(configure(HashAlgorithm.SHA256).load().migrate().applied()).as("nothing looks changed").isEmpty();
        assertThat(configure(HashAlgorithm.SHA256).load().verify().ok()).isTrue();
        SqliteFiles.execute(db, "UPDATE godwit_repeatables SET sql = 'DROP VIEW item_names;'");
        assertThat(configure(HashAlgorithm.SHA256).load().verify().history())
                .singleElement().satisfies(p -> assertThat(p.filename()).isEqualTo("R-item-names.sqlite.sql"));
    }
}
