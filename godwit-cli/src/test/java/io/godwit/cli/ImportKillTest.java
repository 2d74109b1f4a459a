package io.godwit.cli;

import io.godwit.testing.JavaProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An import killed with SIGKILL at random instants, in a real JVM: each time the target holds no
 * store that looks complete (no database file, or the finished and verified one), and running the
 * import again ends with the same result as an uninterrupted one.
 */
class ImportKillTest {
    private static final Path PEER = Path.of("../godwit-store/src/test/resources/chroma/1.0-peer/persist");

    @TempDir
    Path dir;

    @Test
    void aKilledImportLeavesNoStoreThatLooksCompleteAndRunsAgainToTheSameEnd() throws Exception {
        Path from = copy(PEER, dir.resolve("chroma"));
        CliRunner.Result clean = CliRunner.run("import", "--from", from.toString(), "--path", dir.resolve("clean").toString(), "--json");
        assertThat(clean.exitCode()).as(clean.err()).isZero();
        String expected = withoutTimings(clean.out(), dir.resolve("clean"));

        Random random = new Random(20261201);
        int interrupted = 0;
        for (int trial = 0; trial < 4; trial++) {
            Path target = dir.resolve("killed-" + trial);
            Process p = JavaProcess.start(GodwitCli.class, List.of("import", "--from", from.toString(), "--path", target.toString()));
            Thread.sleep(300 + random.nextInt(2500));
            p.destroyForcibly(); // SIGKILL
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            // The database file arrives last, by an atomic move, once every record is written and verified.
            boolean finished = Files.exists(target.resolve("godwit.sqlite3"));
            if (p.exitValue() == 0) {
                assertThat(finished).as("trial " + trial).isTrue();
            }

            CliRunner.Result again = CliRunner.run("import", "--from", from.toString(), "--path", target.toString(), "--json");
            if (finished) {
                assertThat(again.exitCode()).isEqualTo(1); // the finished store is there: every name clashes
                assertThat(again.err()).contains("The store already has collections of the names the import would create");
                continue;
            }
            interrupted++;
            assertThat(again.exitCode()).as(again.err()).isZero();
            assertThat(withoutTimings(again.out(), target)).isEqualTo(expected);
            assertThat(target.resolve(".godwit-import")).doesNotExist();
        }
        assertThat(interrupted).as("trials killed before the import finished").isPositive();
    }

    private static String withoutTimings(String json, Path target) {
        return json.replaceAll("\"seconds\" : [0-9.E-]+", "").replace(target.toString(), "TARGET");
    }

    private static Path copy(Path from, Path to) throws Exception {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
        return to;
    }
}
