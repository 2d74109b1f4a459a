package io.godwit.cli;

import io.godwit.Version;
import io.godwit.store.StoreClient;
import io.godwit.store.http.HttpGodwitClient;
import io.godwit.testing.ChildJvm;
import io.godwit.testing.InUseClientProcess;
import io.godwit.testing.JavaProcess;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.godwit.cli.CliRunner.run;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's upgrade runbook, end to end, across the release boundary: a store written by release
 * 0.1.0 (the store's committed fixture) with data, held in use by a client of the old release (a
 * real JVM); status, backup, migrate refused while that client runs, stop, validate and plan,
 * migrate, verify, start a real {@code godwit run} in mode validate, watch; every record answered
 * over HTTP as the fixture holds it (compared with what an application's client in mode apply reads
 * from a copy, {@link StoreClientProcess}). godwit-server-it's RunAcrossReleasesTest crosses the same
 * boundary with the server alone (validate refused, apply migrating, the hold against migrate/restore).
 */
class RunbookTest {
    private static final String FIXTURE = "/io/godwit/store/upgrade/release-0.1.0/godwit.sqlite3";
    /** Every record of the fixture, as WriteRelease010Fixture wrote them (books; then xy's r7 for the 20 of xy). */
    private static final List<String> BOOKS = List.of(
            "RECORD books a | the quick fox | {author=ann, new=true, score=0.5, year=2001} | [1.0, 0.0, 0.0]",
            "RECORD books b | null | null | [0.0, 1.0, 0.0]",
            "RECORD books c | slow brown dog | {author=cy} | [0.9, 0.1, 0.333]");

    @TempDir
    Path temp;
    Path data;
    Path oldApp;

    @BeforeEach
    void storeOfRelease010() throws Exception {
        data = temp.resolve("data");
        Files.createDirectories(data);
        try (InputStream in = RunbookTest.class.getResourceAsStream(FIXTURE)) {
            Files.copy(in, data.resolve("godwit.sqlite3"));
        }
        oldApp = Files.createDirectories(temp.resolve("old-app"));   // the old release's client migrates nothing new
    }

    @Test
    void theRunbookUpgradesAStoreInUseAndEveryRecordIsAnsweredAsBefore() throws Exception {
        String path = data.toString();
        byte[] original = Files.readAllBytes(data.resolve("godwit.sqlite3"));
        try (ChildJvm old = ChildJvm.startAndAwaitReady(InUseClientProcess.class, List.of("sqlite:" + data.resolve("godwit.sqlite3"), "app=" + oldApp))) {
            // 0. What will the new release do?
            CliRunner.Result status = run("status", "--path", path);
            assertThat(status.exitCode()).isEqualTo(3);
            assertThat(status.out()).contains("the store was last migrated by Godwit 0.1.0-SNAPSHOT")
                    .contains("In use by 1 client: pid " + old.pid())
                    .contains("Upgrade: migrate.").contains("crossing from release 0.1.x to 0.2.x, a major upgrade")
                    .contains("  pending  00007  00007-store-epoch.sqlite.sql  release 0.2.0");
            // A new-release client in mode validate refuses to start, changing nothing.
            Started refused = start("validate");
            assertThat(refused.exitCode).isEqualTo(3);
            assertThat(refused.output).contains("ERROR UnappliedMigrationsError");
            assertThat(Files.readAllBytes(data.resolve("godwit.sqlite3"))).isEqualTo(original);
            // 1. Back up.
            CliRunner.Result backup = run("backup", "--path", path);
            assertThat(backup.exitCode()).as(backup.err()).isZero();
            // 2. Migrating under the running client is refused, naming it: stop it first.
            CliRunner.Result tooEarly = run("migrate", "--path", path, "--lock-timeout", "1");
            assertThat(tooEarly.exitCode()).isEqualTo(6);
            assertThat(tooEarly.err()).contains("while it is in use").contains("pid " + old.pid());
            assertThat(Files.readAllBytes(data.resolve("godwit.sqlite3"))).isEqualTo(original);
        }
        // 4. Validate and plan.
        assertThat(run("validate", "--path", path).exitCode()).isEqualTo(3);
        CliRunner.Result plan = run("plan", "--path", path);
        assertThat(plan.out()).contains("sysdb/00007-store-epoch.sqlite.sql").contains("metadb/00005-record-store.sqlite.sql");
        // 5. Migrate.
        CliRunner.Result migrate = run("migrate", "--path", path);
        assertThat(migrate.exitCode()).as(migrate.err()).isZero();
        assertThat(migrate.out()).contains("Applied sysdb/00007-store-epoch.sqlite.sql").contains("Backed up the database before migrating");
        // 6. Verify.
        CliRunner.Result verify = run("verify", "--path", path);
        assertThat(verify.exitCode()).as(verify.out() + verify.err()).isZero();
        assertThat(run("validate", "--path", path).exitCode()).isZero();
        // 7. Start `godwit run`, in mode validate: every record answered over HTTP as the old release wrote it.
        ProcessBuilder serverCommand = JavaProcess.builder(GodwitCli.class, List.of("run", "--path", path, "--port", "0"))
                .redirectError(temp.resolve("run.stderr").toFile());
        serverCommand.environment().put("GODWIT_MIGRATIONS", "validate");
        Process server = serverCommand.start();
        try {
            URI uri = listening(server);
            List<String> records;
            try (StoreClient client = HttpGodwitClient.connect(uri, null, Duration.ofSeconds(30))) {
                records = StoreClientProcess.records(client);
            }
            assertThat(records).startsWith(BOOKS.toArray(String[]::new)).hasSize(3 + 20)
                    .contains("RECORD xy r7 | document 7 | {even=false, i=7} | [7.0, -7.0, 2.3333333, 7.0E-7]");
            // 8. Watch: current, migrated by this release, in use by the server.
            CliRunner.Result after = run("status", "--path", path);
            assertThat(after.exitCode()).as(after.out()).isZero();
            assertThat(after.out()).contains("Upgrade: current.").contains("last migrated by Godwit " + Version.get())
                    .contains("In use by 1 client: pid " + server.pid());
            assertThat(records).isEqualTo(recordsAfterAutomaticUpgrade(fixtureCopy()));
            server.destroy();   // SIGTERM: the server drains and closes the store
            assertThat(server.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(server.exitValue()).isEqualTo(143);
        } finally {
            server.destroyForcibly();
        }
        assertThat(run("status", "--path", path).out()).contains("In use by: no client");
    }

    @Test
    void aClientInModeApplyUpgradesTheOldStoreBeforeItAnswers() throws Exception {
        assertThat(recordsAfterAutomaticUpgrade(data)).startsWith(BOOKS.toArray(String[]::new)).hasSize(23);
        CliRunner.Result status = run("status", "--path", data.toString());
        assertThat(status.exitCode()).isZero();
        assertThat(status.out()).contains("Upgrade: current.");
    }

    /** Opens the store in {@code dir} in mode apply: an old store upgrades itself, then answers. */
    private List<String> recordsAfterAutomaticUpgrade(Path dir) throws Exception {
        try (ChildJvm auto = ChildJvm.startAndAwaitReady(StoreClientProcess.class, List.of(dir.toString(), "apply"))) {
            return auto.output().lines().filter(l -> l.startsWith("RECORD")).toList();
        }
    }

    /** The URL of {@code server}'s one {@code Listening on} line (a bounded wait; its stderr if it does not come). */
    private URI listening(Process server) throws Exception {
        CompletableFuture<String> line = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try {
                line.complete(new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8)).readLine());
            } catch (IOException e) {
                line.completeExceptionally(e);
            }
        }, "godwit-run-stdout");
        reader.setDaemon(true);
        reader.start();
        String first = line.get(2, TimeUnit.MINUTES);
        assertThat(first).as(Files.readString(temp.resolve("run.stderr"))).startsWith("Listening on ");
        return URI.create(first.substring("Listening on ".length()).trim());
    }

    private Path fixtureCopy() throws Exception {
        Path copy = Files.createDirectories(temp.resolve("copy"));
        try (InputStream in = RunbookTest.class.getResourceAsStream(FIXTURE)) {
            Files.copy(in, copy.resolve("godwit.sqlite3"));
        }
        return copy;
    }

    private record Started(int exitCode, String output) {
    }

    /** A client that is expected to refuse: its exit code and output. */
    private Started start(String mode) throws Exception {
        Process p = JavaProcess.start(StoreClientProcess.class, List.of(data.toString(), mode));
        p.getOutputStream().close();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Started(p.exitValue(), output);
    }
}
