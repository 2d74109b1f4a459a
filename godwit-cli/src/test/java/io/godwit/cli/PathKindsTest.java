package io.godwit.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static io.godwit.cli.CliRunner.run;
import static org.assertj.core.api.Assertions.assertThat;

/** A path of the wrong kind gets a message saying what it is and what was expected; nothing is created. */
class PathKindsTest {
    @TempDir
    Path dir;

    @Test
    void dbNamingAFolderSaysSoAndSuggestsPath() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("data"));

        for (String command : new String[] {"status", "validate", "migrate", "backup"}) {
            CliRunner.Result r = run(command, "--db", folder.toString());

            assertThat(r.exitCode()).as(command).isEqualTo(2);
            assertThat(r.err()).as(command).contains("--db " + folder + " is a folder, not a database file", "--path " + folder)
                    .doesNotContain("not initialized");
        }
        assertThat(Fixtures.listing(folder)).isEmpty();
    }

    @Test
    void pathNamingAFileSaysSoAndSuggestsDb() throws Exception {
        Path file = Files.writeString(dir.resolve("notes.txt"), "hello");

        CliRunner.Result r = run("migrate", "--path", file.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--path " + file + " is a file, not a folder", "--db " + file);
        assertThat(Files.readString(file)).isEqualTo("hello");
        assertThat(Fixtures.listing(dir)).containsExactly("notes.txt");
    }

    @Test
    void aFileThatIsNotADatabaseIsNamedAsSuchAndNothingIsCreatedBesideIt() throws Exception {
        Path garbage = Files.writeString(dir.resolve("chroma.sqlite3"), "this is not a database, just some text\n".repeat(10));

        for (String command : new String[] {"status", "validate", "plan", "migrate", "backup", "verify"}) {
            CliRunner.Result r = run(command, "--db", garbage.toString());

            assertThat(r.exitCode()).as(command).isEqualTo(1);
            assertThat(r.errLines()).as(command).singleElement().asString()
                    .contains(garbage + " is not a SQLite database").doesNotContain("SQLITE_NOTADB");
        }
        assertThat(Fixtures.listing(dir)).as("no backups/, no -wal, no lock file").containsExactly("chroma.sqlite3");
    }
}
