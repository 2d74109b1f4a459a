package io.godwit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

import static io.godwit.cli.CliRunner.run;
import static org.assertj.core.api.Assertions.assertThat;

/** A database the real Chroma 1.0 wrote (see resources/chroma-1.0/README.md): recognised, only read. */
class ChromaDatabaseTest {
    @TempDir
    Path dir;

    @Test
    void statusSaysChromaWroteItWhichReleasesCouldHaveAndPointsToImport() throws Exception {
        Path db = chromaFile();
        String before = sha256(db);

        CliRunner.Result r = run("status", "--db", db.toString());

        assertThat(r.exitCode()).as(r.err()).isEqualTo(4);
        assertThat(r.out()).contains("written by Chroma 1.0.0 to 1.2.2", "godwit import --from")
                .contains("sysdb: 9 applied by Chroma").doesNotContain("INCONSISTENT");
        assertOnlyRead(db, before);
    }

    @Test
    void statusJsonNamesTheWriter() throws Exception {
        Path db = chromaFile();

        JsonNode status = Fixtures.json(run("status", "--db", db.toString(), "--json").out());

        assertThat(status.get("current").asBoolean()).isFalse();
        assertThat(status.get("written_by").get("writer").asText()).isEqualTo("Chroma 1.0.0 to 1.2.2");
        assertThat(status.get("subsystems").get(0).get("problem").isNull()).isTrue();
    }

    @Test
    void validatePlanAndMigrateRefuseItWithTheSameAdviceAndWriteNothing() throws Exception {
        Path db = chromaFile();
        String before = sha256(db);

        for (String command : new String[] {"validate", "plan", "migrate"}) {
            CliRunner.Result r = run(command, "--db", db.toString());

            assertThat(r.exitCode()).as(command + ": " + r.err()).isEqualTo(4);
            assertThat(r.err()).as(command).contains("written by Chroma 1.0.0 to 1.2.2", "godwit import");
        }
        assertOnlyRead(db, before);
    }

    private Path chromaFile() throws Exception {
        Path db = dir.resolve("chroma.sqlite3");
        try (InputStream in = getClass().getResourceAsStream("/chroma-1.0/chroma.sqlite3")) {
            Files.copy(in, db);
        }
        return db;
    }

    private void assertOnlyRead(Path db, String before) throws Exception {
        assertThat(sha256(db)).isEqualTo(before);
        assertThat(Fixtures.listing(dir)).containsExactly("chroma.sqlite3");
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
