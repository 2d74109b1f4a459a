package io.godwit.store.chroma;

import io.godwit.Godwit;
import io.godwit.HistoryEntry;
import io.godwit.store.BuiltinSubsystems;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Recognition against the real table of Chroma's hashes (computed from Chroma's repository). The
 * rows are the ones each release records; the command-line tests read a file the real Chroma wrote.
 */
class ChromaHistoryTest {
    private static final ChromaMigrationTable TABLE = ChromaMigrationTable.load();

    @TempDir
    Path dir;

    @Test
    void theTableKnowsChromasReleasesAndTheFilesEachShipped() {
        assertThat(TABLE.releases()).contains("0.4.0", "0.5.0", "0.6.3", "1.0.0", "1.3.0", "1.5.0");
        assertThat(TABLE.shippedBy(TABLE.releases().indexOf("1.0.0"))).hasSize(16);
        assertThat(TABLE.shippedBy(TABLE.releases().indexOf("1.3.0"))).hasSize(17);
    }

    @Test
    void aChroma10HistoryIsRecognisedWithTheReleasesThatShipExactlyItsFiles() {
        ChromaMatch match = ChromaHistory.get().match(rowsOf("1.0.0")).orElseThrow();

        assertThat(match.releases()).startsWith("1.0.0").endsWith("1.2.2").doesNotContain("0.6.3", "1.3.0");
        assertThat(match.range()).isEqualTo("Chroma 1.0.0 to 1.2.2");
        assertThat(match.problems()).isEmpty();
    }

    @Test
    void aHistoryOfTheNewestReleaseSaysOrLater() {
        String newest = TABLE.releases().get(TABLE.releases().size() - 1);
        ChromaMatch match = ChromaHistory.get().match(rowsOf(newest)).orElseThrow();

        assertThat(match.laterReleases()).isTrue();
        assertThat(match.range()).endsWith(" or later");
    }

    @Test
    void anOlderHistoryNamesItsOwnReleases() {
        assertThat(ChromaHistory.get().match(rowsOf("0.4.0")).orElseThrow().range()).isEqualTo("Chroma 0.4.0");
    }

    @Test
    void aModifiedRowIsReportedBesideTheReleasesTheOtherRowsName() {
        Map<String, List<HistoryEntry>> rows = rowsOf("1.0.0");
        List<HistoryEntry> sysdb = new ArrayList<>(rows.get("sysdb"));
        HistoryEntry third = sysdb.get(2);
        sysdb.set(2, new HistoryEntry(third.dir(), third.version(), third.filename(), "0".repeat(32), null, null, null, Set.of()));
        rows.put("sysdb", sysdb);

        ChromaMatch match = ChromaHistory.get().match(rows).orElseThrow();

        assertThat(match.range()).isEqualTo("Chroma 1.0.0 to 1.2.2");
        assertThat(match.problems()).singleElement().asString().contains("sysdb/00003-collection-dimension.sqlite.sql", "0".repeat(32));
    }

    @Test
    void aHistoryNoReleaseShipsExactlyIsStillChromasWithoutARange() {
        Map<String, List<HistoryEntry>> rows = rowsOf("1.0.0");
        rows.put("metadb", rows.get("metadb").subList(0, 2)); // stopped half-way

        ChromaMatch match = ChromaHistory.get().match(rows).orElseThrow();

        assertThat(match.releases()).isEmpty();
        assertThat(match.range()).isEqualTo("Chroma");
    }

    @Test
    void godwitsOwnHistoryIsNotChromasThoughSomeNamesAreTheSame() throws Exception {
        Path db = dir.resolve("godwit.sqlite3");
        Godwit.configure().sqlite(db).subsystems(BuiltinSubsystems.all()).load().migrate();

        assertThat(ChromaHistory.get().read(db)).isEmpty();
    }

    @Test
    void readingAMissingFileCreatesNothing() {
        Path db = dir.resolve("absent.sqlite3");

        assertThat(ChromaHistory.get().read(db)).isEmpty();
        assertThat(Files.exists(db)).isFalse();
    }

    /** The rows a database records after the release ran its migrations, hashed md5 as Chroma does. */
    private static Map<String, List<HistoryEntry>> rowsOf(String release) {
        int index = TABLE.releases().indexOf(release);
        Map<String, List<HistoryEntry>> rows = new LinkedHashMap<>();
        for (String dir : List.of("sysdb", "embeddings_queue", "metadb")) {
            rows.put(dir, new ArrayList<>());
        }
        TABLE.files().stream().filter(f -> f.shippedIn(index))
                .sorted((a, b) -> Integer.compare(a.version(), b.version()))
                .forEach(f -> rows.get(f.dir()).add(new HistoryEntry(f.dir(), f.version(), f.filename(), f.md5(),
                        null, null, null, Set.of())));
        return rows;
    }
}
