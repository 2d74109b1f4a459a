package io.godwit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command as users run it: a separate JVM through {@code main}, so that the real exit code
 * ({@link System#exit}), the real environment and the logging configuration are exercised.
 * Launched from the test classpath, which surefire keeps real (no manifest-only jar).
 */
class CommandProcessTest {
    @TempDir
    Path dir;

    record Outcome(int exitCode, String out, String err) {
    }

    @Test
    void migrateValidateAndStatusInARealProcess() throws Exception {
        Path data = dir.resolve("data");

        Outcome migrate = godwit("migrate", "--path", data.toString());
        assertThat(migrate.exitCode()).as(migrate.err()).isZero();
        assertThat(migrate.out()).contains("Applied sysdb/00001-collections.sqlite.sql in ")
                .contains("Applied " + Fixtures.BUILTIN_COUNT + " migrations in ");
        // The engine's log, as configured by simplelogger.properties: time, level, message, on stderr.
        assertThat(migrate.err()).containsPattern("(?m)^\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO Applying sysdb/00001-collections\\.sqlite\\.sql \\(1/" + Fixtures.BUILTIN_COUNT + "\\)$")
                .containsPattern("(?m)^\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO Applied metadb/00005-record-store\\.sqlite\\.sql in \\d+ ms$");
        assertThat(migrate.out()).doesNotContain("INFO");

        Outcome validate = godwit("validate", "--path", data.toString());
        assertThat(validate.exitCode()).isZero();

        Outcome status = godwit("status", "--path", data.toString(), "--json");
        assertThat(status.exitCode()).isZero();
        JsonNode json = Fixtures.json(status.out());
        assertThat(json.get("current").asBoolean()).isTrue();
        assertThat(json.get("subsystems")).hasSize(3);
    }

    @Test
    void errorsAndBadUsageEndTheProcessWithTheirCodes() throws Exception {
        Outcome notCurrent = godwit("validate", "--db", dir.resolve("missing.sqlite3").toString());
        assertThat(notCurrent.exitCode()).isEqualTo(3);
        assertThat(notCurrent.err()).startsWith("godwit: Migrations have not been initialized");
        assertThat(notCurrent.err().lines()).hasSize(1);

        Outcome usage = godwit("migrate", "--mode", "sometimes");
        assertThat(usage.exitCode()).isEqualTo(2);
        assertThat(usage.err()).startsWith("godwit: ");
        assertThat(Fixtures.listing(dir)).isEmpty();
    }

    private Outcome godwit(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), GodwitCli.class.getName()));
        command.addAll(List.of(args));
        Path out = dir.resolveSibling(dir.getFileName() + ".out");
        Path err = dir.resolveSibling(dir.getFileName() + ".err");
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().put("GODWIT_CACHE_DIR", dir.resolveSibling(dir.getFileName() + ".cache").toString());
        Process p = pb
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("godwit " + String.join(" ", args) + " did not finish");
        }
        try {
            return new Outcome(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
