package io.godwit.source;

import io.godwit.Godwit;
import io.godwit.GodwitException;
import io.godwit.MigrationSourceException;
import io.godwit.contract.MigrationFolder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Files a migration author meant to ship but misnamed or misencoded: refused (exit 7), never skipped. */
class BadSourceTest {
    @TempDir
    Path temp;
    MigrationFolder m;
    Path db;

    @BeforeEach
    void folder() {
        m = new MigrationFolder(temp.resolve("m"), "sqlite");
        m.add(1, "first", "CREATE TABLE a (x INTEGER);");
        db = temp.resolve("g.sqlite3");
    }

    private Godwit godwit() {
        return Godwit.configure().sqlite(db).subsystem("m", m.dir()).load();
    }

    @Test
    void aMisspelledScopeIsABadSourceNamingTheFileAndTheKnownScopes() {
        m.write("00002-second.sqlit.sql", "CREATE TABLE b (x INTEGER);");

        MigrationSourceException e = catchThrowableOfType(() -> godwit().migrate(), MigrationSourceException.class);

        assertThat(e.exitCode()).isEqualTo(GodwitException.EXIT_BAD_SOURCE);
        assertThat(e).hasMessageContaining("m/00002-second.sqlit.sql").hasMessageContaining("'sqlit'")
                .hasMessageContaining("sqlite and postgresql");
        assertThat(Files.exists(db)).as("nothing applied, nothing created").isFalse();
        assertThatThrownBy(() -> godwit().validate()).isInstanceOf(MigrationSourceException.class);
    }

    @Test
    void anUpperCaseExtensionIsRefusedWithTheNameToRenameItTo() {
        m.write("00002-second.sqlite.SQL", "CREATE TABLE b (x INTEGER);");

        assertThatThrownBy(() -> godwit().migrate()).isInstanceOf(MigrationSourceException.class)
                .hasMessageContaining("m/00002-second.sqlite.SQL").hasMessageContaining("rename it to 00002-second.sqlite.sql");
        assertThat(Files.exists(db)).isFalse();
    }

    @Test
    void aFileOfTheOtherKnownScopeAndNonSqlFilesStayIgnored() throws Exception {
        m.write("00001-first.postgresql.sql", "CREATE TABLE a (x INT);");
        m.write("notes.txt", "not a migration");
        Files.write(m.dir().resolve(".DS_Store"), new byte[] {(byte) 0xff, (byte) 0xfe, 0});

        assertThat(godwit().migrate().applied()).hasSize(1);
    }

    @Test
    void invalidUtf8NamesTheFileTheByteOffsetAndTheEncoding() throws Exception {
        byte[] text = "CREATE TABLE b (x INTEGER);\n-- caf\u00e9\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        Files.write(m.dir().resolve("00002-second.sqlite.sql"), text);

        assertThatThrownBy(() -> godwit().migrate()).isInstanceOf(MigrationSourceException.class)
                .hasMessageContaining("m/00002-second.sqlite.sql").hasMessageContaining("not valid UTF-8")
                .hasMessageContaining("byte offset 34").hasMessageContaining("line 2")
                .hasMessageNotContaining("Input length");
        assertThat(Files.exists(db)).isFalse();
    }
}
