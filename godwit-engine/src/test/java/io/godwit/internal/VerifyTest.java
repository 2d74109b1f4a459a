package io.godwit.internal;

import io.godwit.Godwit;
import io.godwit.HashAlgorithm;
import io.godwit.HistoryProblem;
import io.godwit.VerifyReport;
import io.godwit.contract.MigrationFolder;
import io.godwit.testing.SqliteFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** verify: the file, its foreign keys, and a history that was edited by hand. */
class VerifyTest {
    @TempDir
    Path temp;
    Path db;
    MigrationFolder alpha;

    @BeforeEach
    void database() {
        db = temp.resolve("godwit.sqlite3");
        alpha = new MigrationFolder(temp.resolve("alpha"), "sqlite");
        alpha.add(1, "parents", "CREATE TABLE parents (id INTEGER PRIMARY KEY, a TEXT, b TEXT);\n"
                + "CREATE INDEX parents_a ON parents (a);\n"
                + "INSERT INTO parents (a, b) VALUES ('x', 'z'), ('y', 'w');");
        alpha.add(2, "children", "CREATE TABLE children (id INTEGER PRIMARY KEY, parent INTEGER REFERENCES parents (id));");
        godwit().migrate();
    }

    private Godwit godwit() {
        return Godwit.configure().sqlite(db).subsystem("alpha", alpha.dir()).load();
    }

    @Test
    void aSoundDatabaseVerifiesWithProgress() {
        List<String> events = new ArrayList<>();
        VerifyReport report = Godwit.configure().sqlite(db).subsystem("alpha", alpha.dir())
                .progress((task, done, total) -> events.add(task + " " + done + "/" + total)).load().verify();

        assertThat(report.ok()).isTrue();
        assertThat(report.integrityChecked()).isTrue();
        assertThat(report.historyRowsChecked()).isEqualTo(2);
        assertThat(events).containsExactly("integrity check 0/2", "integrity check 1/2", "integrity check 2/2",
                "history 0/2", "history 1/2", "history 2/2");
    }

    @Test
    void aHandEditedHistoryRowIsFound() {
        SqliteFiles.execute(db, "UPDATE migrations SET sql = sql || ' -- edited' WHERE version = 2");

        VerifyReport report = godwit().verify();

        assertThat(report.ok()).isFalse();
        assertThat(report.history()).singleElement().satisfies(p -> {
            assertThat(p.subsystem()).isEqualTo("alpha");
            assertThat(p.version()).isEqualTo(2);
            assertThat(p.algorithm()).isEqualTo(HashAlgorithm.MD5);
            assertThat(p.recordedHash()).isEqualTo(SqliteFiles.query(db, "SELECT hash FROM migrations WHERE version = 2").get(0));
            assertThat(p.describe()).contains("alpha/00002-children.sqlite.sql").contains("stored sql hashes to md5");
        });
        assertThat(report.integrity()).isEmpty();
    }

    @Test
    void anEditedHashIsFoundToo() {
        SqliteFiles.execute(db, "UPDATE migrations SET hash = '00000000000000000000000000000000' WHERE version = 1");
        assertThat(godwit().verify().history()).extracting(HistoryProblem::version).containsExactly(1);
    }

    @Test
    void danglingForeignKeysAndABrokenIndexAreFound() {
        SqliteFiles.execute(db, "INSERT INTO children (parent) VALUES (99)");
        // An index whose definition no longer matches its entries: integrity_check finds the rows missing from it.
        SqliteFiles.execute(db, "PRAGMA writable_schema = ON",
                "UPDATE sqlite_master SET sql = 'CREATE INDEX parents_a ON parents (b)' WHERE name = 'parents_a'");

        VerifyReport report = godwit().verify();

        assertThat(report.ok()).isFalse();
        assertThat(report.foreignKeys()).singleElement().asString().contains("children").contains("parents");
        assertThat(report.integrity()).isNotEmpty().anySatisfy(line -> assertThat(line).contains("parents_a"));
        assertThat(report.history()).isEmpty();
    }

    @Test
    void thereIsNothingToVerifyWhereThereIsNoDatabase() {
        Path none = temp.resolve("none.sqlite3");
        assertThatThrownBy(() -> Godwit.configure().sqlite(none).subsystem("alpha", alpha.dir()).load().verify())
                .hasMessageContaining("nothing to verify");
        assertThat(none).doesNotExist();
    }
}
