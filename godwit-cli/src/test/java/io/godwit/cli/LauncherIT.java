package io.godwit.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * bin/godwit on the packaged jar (run by failsafe after {@code package}): the class-data-sharing
 * archive is made on the first run, used after, and the JVM's CDS messages never reach the screen,
 * not even for an archive that is not one; the first run's build prints no colour codes;
 * {@code run} execs the server's JVM with its memory defaults (README: Memory of godwit run), so
 * SIGTERM to the launched pid stops the server.
 */
class LauncherIT {
    private static final Path LAUNCHER = Path.of("..", "bin", "godwit").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    record Outcome(int exitCode, String out, String err) {
    }

    @Test
    void theFirstCheckMakesTheArchiveAndTheNextUseItWithoutAWordOnScreen() throws Exception {
        Outcome first = godwit("validate", "--path", dir.resolve("data").toString(), "--json");
        List<Path> archives = archives();
        Outcome second = godwit("validate", "--path", dir.resolve("data").toString(), "--json");

        assertThat(first.exitCode()).as(first.err()).isEqualTo(3);
        assertThat(Fixtures.json(first.out()).get("current").asBoolean()).isFalse();
        assertThat(archives).singleElement().satisfies(a -> assertThat(a.getFileName().toString())
                .matches("godwit-[0-9a-f]{16}-jdk-[0-9a-f]{16}-sqlite\\.jsa"));
        assertThat(second.exitCode()).isEqualTo(3);
        assertThat(second.out()).isEqualTo(first.out());
        assertThat(archives()).isEqualTo(archives);
        for (Outcome o : List.of(first, second)) {
            assertThat(o.out() + o.err()).doesNotContain("cds").doesNotContain("[warning]").doesNotContain("[error]");
        }
    }

    @Test
    void aPostgresqlCheckGetsAnArchiveOfItsOwn() throws Exception {
        godwit("validate", "--path", dir.resolve("data").toString());
        // Nothing listens on port 9: the check fails (exit 1), and its classes are archived all the same.
        Outcome pg = godwit("validate", "--url", "jdbc:postgresql://127.0.0.1:9/none", "--user", "nobody");

        assertThat(pg.exitCode()).as(pg.err()).isEqualTo(1);
        assertThat(archives()).extracting(a -> a.getFileName().toString().replaceAll(".*-", ""))
                .containsExactly("postgresql.jsa", "sqlite.jsa");
        assertThat(pg.out() + pg.err()).doesNotContain("cds");
    }

    @Test
    void anArchiveThatIsNotOneIsIgnoredSilently() throws Exception {
        godwit("validate", "--path", dir.resolve("data").toString());
        Path archive = archives().get(0);
        Files.delete(archive);
        Files.writeString(archive, "not a shared archive file\n".repeat(100));

        Outcome o = godwit("status", "--path", dir.resolve("data").toString());

        assertThat(o.exitCode()).as(o.err()).isEqualTo(3);
        assertThat(o.out()).contains("is not initialized");
        assertThat(o.out() + o.err()).doesNotContain("cds").doesNotContain("[error]");
    }

    /**
     * A copy of the launcher in a checkout without the jar builds it first; here the build fails at
     * once (the folder holds no project), so Maven prints its error lines, which Maven 3.8 colours
     * even into a file unless told not to, and starts with a reset code even when told.
     */
    @Test
    void theFirstRunsBuildSpeaksOnStderrWithoutEscapeCodes() throws Exception {
        Path checkout = dir.resolve("checkout");
        Files.createDirectories(checkout.resolve("bin"));
        Path launcher = Files.copy(LAUNCHER, checkout.resolve("bin").resolve("godwit"));

        Outcome o = run(launcher, "--version");

        assertThat(o.exitCode()).as(o.err()).isNotZero();
        assertThat(o.out()).isEmpty();
        assertThat(o.err()).contains("godwit: building " + checkout.resolve("godwit-cli/target/godwit.jar"))
                .contains("[ERROR]").doesNotContain("\u001b");
    }

    @Test
    void runExecsTheServerJvmWithItsMemoryDefaultsAndStopsOnSigterm() throws Exception {
        godwit("validate", "--path", dir.resolve("data").toString());   // an archive exists: run must still exec
        ProcessBuilder pb = new ProcessBuilder(LAUNCHER.toString(), "run", "--path", dir.resolve("data").toString(),
                "--port", "0").directory(dir.toFile());
        pb.environment().put("GODWIT_CACHE_DIR", dir.resolve("cache").toString());
        pb.environment().put("GODWIT_SERVER_HEAP", "256m");
        pb.environment().remove("GODWIT_JAVA_OPTS");
        pb.environment().remove("MALLOC_ARENA_MAX");
        Path err = dir.resolveSibling(dir.getFileName() + ".run.err");
        Process p = pb.redirectError(err.toFile()).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String listening = CompletableFuture.supplyAsync(() -> readLine(out)).get(3, TimeUnit.MINUTES);
            assertThat(listening).as(Files.readString(err)).startsWith("Listening on http://127.0.0.1:");
            // The pid the launcher was started as is the server's JVM itself, with the defaults.
            String cmdline = Files.readString(Path.of("/proc", String.valueOf(p.pid()), "cmdline")).replace('\0', ' ');
            assertThat(cmdline).contains("java ").contains("-Xms32m").contains("-Xmx256m").contains("-XX:+UseSerialGC")
                    .contains("-Djdk.nio.maxCachedBufferSize=262144").contains("--add-modules jdk.incubator.vector")
                    .contains("-jar ").doesNotContain("SharedArchiveFile");
            assertThat(Files.readString(Path.of("/proc", String.valueOf(p.pid()), "environ"))).contains("MALLOC_ARENA_MAX=2\0");
            p.destroy();   // SIGTERM to that pid: the server drains and stops
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isEqualTo(143);
            assertThat(Files.readString(err)).contains("Stopped");
        } finally {
            p.destroyForcibly();
            Files.deleteIfExists(err);
        }
    }

    private static String readLine(BufferedReader r) {
        try {
            return r.readLine();
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private List<Path> archives() throws Exception {
        try (Stream<Path> files = Files.list(dir.resolve("cache").resolve("cds"))) {
            return files.filter(p -> p.toString().endsWith(".jsa")).sorted().toList();
        }
    }

    private Outcome godwit(String... args) throws Exception {
        return run(LAUNCHER, args);
    }

    private Outcome run(Path launcher, String... args) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(Stream.concat(Stream.of(launcher.toString()), Stream.of(args)).toList())
                .directory(dir.toFile());
        pb.environment().put("GODWIT_CACHE_DIR", dir.resolve("cache").toString());
        pb.environment().remove("GODWIT_CDS");
        Path out = dir.resolveSibling(dir.getFileName() + ".out");
        Path err = dir.resolveSibling(dir.getFileName() + ".err");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(3, TimeUnit.MINUTES)).isTrue();
        try {
            return new Outcome(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
