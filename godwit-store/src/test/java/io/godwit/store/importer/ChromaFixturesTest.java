package io.godwit.store.importer;

import io.godwit.store.Space;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committed Chroma directories (src/test/resources/chroma, see its README) read back: every
 * tenant, database, collection and record equals the expectation beside it, and the directory is
 * byte-for-byte as it was. {@code 1.0-peer} was written by the real Chroma 1.0 server and its
 * expectation is what that server returned, vectors purged from its log included; the
 * {@code *-built} ones were built from Chroma's migration files at those tags
 * (godwit-store/src/test/fixtures/chroma-0x.py), and their history is recognised as that release's.
 */
class ChromaFixturesTest {
    @TempDir
    Path temp;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "1.0-peer    | Chroma 1.0.0 to 1.2.2",
            "0.4.0-built | Chroma 0.4.0",
            "0.5.0-built | Chroma 0.5.0",
            "0.6.3-built | Chroma 0.5.6 to 0.6.3"})
    void everyRecordEqualsTheExpectation(String fixture, String writtenBy) {
        Path dir = Fixtures.copy(fixture + "/persist", temp);
        Map<String, String> before = Fixtures.fingerprint(dir);
        List<PeerExpectation> expected = PeerExpectation.read(Fixtures.ROOT.resolve(fixture + "/expected.json"));

        try (ChromaSource source = ChromaSource.open(dir)) {
            assertThat(source.describe()).isEqualTo("Chroma 0.4 or later (chroma.sqlite3), written by " + writtenBy);
            assertThat(source.collections()).extracting(SourceCollection::path)
                    .containsExactlyInAnyOrderElementsOf(expected.stream().map(PeerExpectation::path).toList());
            for (PeerExpectation e : expected) {
                SourceCollection c = source.collections().stream().filter(s -> s.path().equals(e.path())).findFirst().orElseThrow();
                assertThat(c.id()).isEqualTo(e.id());
                assertThat(c.metadata()).as(e.path()).isEqualTo(e.metadata());
                assertThat(c.configuration().space()).as(e.path()).isEqualTo(Space.fromWireName(e.space()));
                assertThat(source.count(c)).as(e.path()).isEqualTo(e.count());
                assertRecords(e, read(source, c));
            }
        }
        assertThat(Fixtures.fingerprint(dir)).isEqualTo(before);
    }

    static List<SourceRecord> read(ChromaSource source, SourceCollection c) {
        List<SourceRecord> out = new ArrayList<>();
        source.read(c, 97, batch -> {
            assertThat(batch.size()).isLessThanOrEqualTo(97);
            out.addAll(batch);
        });
        out.sort(Comparator.comparing(SourceRecord::id));
        return out;
    }

    static void assertRecords(PeerExpectation e, List<SourceRecord> actual) {
        assertThat(actual).extracting(SourceRecord::id).as(e.path())
                .containsExactlyElementsOf(e.records().stream().map(SourceRecord::id).toList());
        for (int i = 0; i < actual.size(); i++) {
            SourceRecord a = actual.get(i);
            SourceRecord x = e.records().get(i);
            String what = e.path() + " record " + a.id();
            assertThat(a.embedding()).as(what).containsExactly(x.embedding());
            assertThat(a.document()).as(what).isEqualTo(x.document());
            assertThat(a.metadata()).as(what).isEqualTo(x.metadata());
            assertThat(a.uri()).as(what).isEqualTo(x.uri());
        }
    }
}
