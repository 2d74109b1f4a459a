package io.godwit.server.it;

import io.godwit.store.GetRequest;
import io.godwit.store.GetResult;
import io.godwit.store.Include;
import io.godwit.store.StoreClient;
import io.godwit.store.StoreCollection;
import io.godwit.store.http.HttpGodwitClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real {@code godwit run} across a release boundary, on the store's release-0.1.0 fixture (a store
 * last migrated by 0.1.0, with data): in mode validate it refuses to start (exit 3, one line naming
 * the pending migrations), changing nothing; in mode apply it backs the store up, migrates it and
 * serves every record as the old release wrote it; while it serves, {@code godwit migrate} (with
 * something pending) and {@code godwit restore} from other processes wait, then refuse with exit 6
 * naming the server's pid and change nothing; once it has stopped, the same restore succeeds.
 */
class RunAcrossReleasesTest {
    private static final String FIXTURE = "/io/godwit/store/upgrade/release-0.1.0/godwit.sqlite3";

    @TempDir
    Path dir;
    Path data;
    Path file;

    @BeforeEach
    void storeOfRelease010() throws Exception {
        data = Files.createDirectories(dir.resolve("data"));
        file = data.resolve("godwit.sqlite3");
        try (InputStream in = RunAcrossReleasesTest.class.getResourceAsStream(FIXTURE)) {
            Files.copy(in, file);
        }
    }

    @Test
    void inModeValidateTheServerRefusesTheOldStoreAndChangesNothing() throws Exception {
        byte[] original = Files.readAllBytes(file);
        Path logs = dir.resolve("validate");
        int code = GodwitRun.refused(logs, Map.of("GODWIT_MIGRATIONS", "validate"), "--path", data.toString(), "--port", "0");
        assertThat(code).isEqualTo(3);
        String err = Files.readString(logs.resolve("godwit-run.stderr"));
        assertThat(err).contains("godwit: Unapplied migrations in sysdb, starting with version 7")
                .contains("Run `godwit migrate --path " + data + "` to apply them").doesNotContain("\tat ");
        assertThat(Files.readAllBytes(file)).isEqualTo(original);
        assertThat(data.resolve("backups")).doesNotExist();
    }

    @Test
    void inModeApplyItBacksUpMigratesAndServesAndHoldsTheStoreAgainstChanges() throws Exception {
        Path pending = Files.createDirectories(dir.resolve("extra"));
        Files.writeString(pending.resolve("00001-tags.sqlite.sql"), "CREATE TABLE tags (name TEXT);\n");
        Path backup;
        try (GodwitRun run = GodwitRun.start(dir.resolve("run"), Map.of("GODWIT_MIGRATIONS", "apply"), "--path",
                data.toString(), "--port", "0")) {
            backup = beforeMigrateBackup();
            assertThat(run.stderr()).contains("sysdb/00007-store-epoch.sqlite.sql");
            assertOldRecordsAnswered(HttpGodwitClient.connect(run.uri(), null, Duration.ofSeconds(30)));
            byte[] served = Files.readAllBytes(file);

            GodwitCommand migrate = GodwitCommand.run(dir.resolve("cli"), "migrate", "--path", data.toString(),
                    "--migrations-dir", "extra=" + pending, "--lock-timeout", "2");
            assertThat(migrate.exitCode()).as(migrate.err()).isEqualTo(6);
            assertThat(migrate.err()).contains("godwit: Cannot migrate").contains("while it is in use")
                    .contains("pid " + run.pid()).contains("GodwitCli run").doesNotContain("\tat ");
            GodwitCommand restore = GodwitCommand.run(dir.resolve("cli"), "restore", "--path", data.toString(),
                    "--from", backup.toString(), "--yes", "--lock-timeout", "2");
            assertThat(restore.exitCode()).as(restore.err()).isEqualTo(6);
            assertThat(restore.err()).contains("godwit: Cannot restore").contains("pid " + run.pid());
            GodwitCommand status = GodwitCommand.run(dir.resolve("cli"), "status", "--path", data.toString());
            assertThat(status.out()).contains("In use by 1 client: pid " + run.pid()).contains("Upgrade: current.");

            assertOldRecordsAnswered(HttpGodwitClient.connect(run.uri(), null, Duration.ofSeconds(30)));
            assertThat(Files.readAllBytes(file)).isEqualTo(served);
            assertThat(run.stop()).isEqualTo(GodwitRun.STOPPED_BY_SIGTERM);
        }
        GodwitCommand restore = GodwitCommand.run(dir.resolve("cli"), "restore", "--path", data.toString(),
                "--from", backup.toString(), "--yes");
        assertThat(restore.exitCode()).as(restore.err()).isZero();
        Path logs = dir.resolve("validate-after-restore");
        assertThat(GodwitRun.refused(logs, Map.of("GODWIT_MIGRATIONS", "validate"), "--path", data.toString(),
                "--port", "0")).isEqualTo(3);
    }

    private Path beforeMigrateBackup() throws Exception {
        try (Stream<Path> files = Files.list(data.resolve("backups"))) {
            List<Path> backups = files.filter(p -> p.getFileName().toString().endsWith(".sqlite3"))
                    .filter(p -> p.getFileName().toString().contains("before-migrate")).toList();
            assertThat(backups).hasSize(1);
            return backups.get(0);
        }
    }

    /** The fixture's records, as release 0.1.0 wrote them (WriteRelease010Fixture). */
    private static void assertOldRecordsAnswered(StoreClient client) {
        StoreCollection books = client.getCollection("books").orElseThrow();
        GetResult b = books.get(GetRequest.ids("a", "b", "c").include(Include.DOCUMENTS, Include.METADATAS));
        assertThat(b.ids()).containsExactly("a", "b", "c");
        assertThat(b.documents()).containsExactly("the quick fox", null, "slow brown dog");
        assertThat(b.metadatas().get(0)).containsEntry("author", "ann").containsEntry("year", 2001L);
        StoreCollection xy = client.getCollection("xy").orElseThrow();
        assertThat(xy.count()).isEqualTo(20);
        GetResult r7 = xy.get(GetRequest.ids("r7").include(Include.DOCUMENTS, Include.METADATAS, Include.EMBEDDINGS));
        assertThat(r7.documents()).containsExactly("document 7");
        assertThat(r7.embeddings().get(0)).containsExactly(7.0f, -7.0f, 2.3333333f, 7.0E-7f);
    }
}
