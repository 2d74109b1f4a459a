package io.godwit.store.importer;

import io.godwit.ProgressListener;
import io.godwit.store.CreateCollection;
import io.godwit.store.GetRequest;
import io.godwit.store.GetResult;
import io.godwit.store.GodwitClient;
import io.godwit.store.Include;
import io.godwit.store.RecordBatch;
import io.godwit.store.StoreCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Imports of the committed Chroma directories into real stores: every record the store returns
 * afterwards equals what Chroma returned for it (the peer's own answers for 1.0-peer), the source
 * is untouched, and an import into an existing store adds to it or, on a name clash, writes nothing.
 */
class ChromaImporterTest {
    @TempDir
    Path temp;

    private static ImportReport importNew(Path from, Path target) {
        return ChromaImporter.intoNewStore(from, target, GodwitClient.DATABASE_FILE, d -> GodwitClient.persistent(d),
                ProgressListener.NONE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.0-peer", "0.4.0-built", "0.5.0-built", "0.6.3-built"})
    void everyImportedRecordEqualsWhatChromaReturned(String fixture) {
        Path from = Fixtures.copy(fixture + "/persist", temp);
        Map<String, String> before = Fixtures.fingerprint(from);
        Path target = temp.resolve("store");
        List<PeerExpectation> expected = PeerExpectation.read(Fixtures.ROOT.resolve(fixture + "/expected.json"));

        ImportReport report = importNew(from, target);

        assertThat(report.collections()).extracting(ImportReport.CollectionReport::collection)
                .containsExactlyInAnyOrderElementsOf(expected.stream().map(PeerExpectation::path).toList());
        assertThat(report.records()).isEqualTo(expected.stream().mapToLong(PeerExpectation::count).sum());
        assertThat(target.resolve(ChromaImporter.STAGING)).doesNotExist();
        try (GodwitClient client = GodwitClient.persistent(target)) {
            for (PeerExpectation e : expected) {
                StoreCollection c = client.scope(e.tenant(), e.database()).getCollection(e.name()).orElseThrow();
                assertThat(c.metadata()).as(e.path()).isEqualTo(e.metadata());
                assertThat(c.configuration().space().wireName()).as(e.path()).isEqualTo(e.space());
                assertThat(c.count()).as(e.path()).isEqualTo(e.count());
                ChromaFixturesTest.assertRecords(e, stored(c));
            }
        }
        assertThat(Fixtures.fingerprint(from)).isEqualTo(before);
    }

    private static List<SourceRecord> stored(StoreCollection c) {
        GetResult r = c.get(GetRequest.all().include(Include.EMBEDDINGS, Include.DOCUMENTS, Include.METADATAS, Include.URIS));
        List<SourceRecord> out = new ArrayList<>();
        for (int i = 0; i < r.ids().size(); i++) {
            Map<String, Object> m = r.metadatas().get(i);
            out.add(new SourceRecord(r.ids().get(i), r.embeddings().get(i), r.documents().get(i),
                    m == null || m.isEmpty() ? null : m, r.uris().get(i)));
        }
        out.sort(Comparator.comparing(SourceRecord::id));
        return out;
    }

    @Test
    void intoAnExistingStoreItAddsOrOnANameClashWritesNothing() {
        Path from = Fixtures.copy("0.6.3-built/persist", temp);
        Path target = temp.resolve("existing");
        try (GodwitClient client = GodwitClient.persistent(target)) {
            client.createCollection(CreateCollection.named("mine")).add(RecordBatch.of("x").embeddings(List.of(new float[] {1, 2})));
            ImportReport report = ChromaImporter.intoStore(from, client, "existing", ProgressListener.NONE);
            assertThat(report.collections()).hasSize(3);
            assertThat(client.listCollections(null, 0)).extracting(StoreCollection::name)
                    .containsExactlyInAnyOrder("mine", "docs", "cosine-notes", "persisted");

            client.deleteCollection("persisted");
            assertThatThrownBy(() -> ChromaImporter.intoStore(from, client, "existing", ProgressListener.NONE))
                    .isInstanceOf(ImportException.class)
                    .hasMessage("The store already has collections of the names the import would create:"
                            + " default_tenant/default_database/docs, default_tenant/default_database/cosine-notes. Nothing was"
                            + " written. Rename or delete those collections, or import into a new store.");
            assertThat(client.listCollections(null, 0)).extracting(StoreCollection::name)
                    .containsExactlyInAnyOrder("mine", "docs", "cosine-notes");
            assertThat(client.getCollection("mine").orElseThrow().count()).isEqualTo(1);
        }
    }

    @Test
    void aNewStoreIsRefusedWhereOneExistsAndAFailedImportLeavesNone() throws Exception {
        Path target = temp.resolve("store");
        GodwitClient.persistent(target).close();
        Path from = Fixtures.copy("0.5.0-built/persist", temp);
        assertThatThrownBy(() -> importNew(from, target)).isInstanceOf(ImportException.class)
                .hasMessageContaining("A Godwit store already exists at " + target.resolve(GodwitClient.DATABASE_FILE));

        Path broken = Fixtures.copy("1.0-peer/persist", temp.resolve("broken"));
        Files.write(broken.resolve("chroma.sqlite3"), new byte[100]);
        Path fresh = temp.resolve("fresh");
        assertThatThrownBy(() -> importNew(broken, fresh)).isInstanceOf(ImportException.class);
        assertThat(fresh.resolve(GodwitClient.DATABASE_FILE)).doesNotExist();
        assertThat(fresh.resolve(ChromaImporter.STAGING)).doesNotExist();
    }
}
