package io.godwit.store.importer;

import io.godwit.GodwitException;
import io.godwit.ProgressListener;
import io.godwit.store.GetRequest;
import io.godwit.store.GetResult;
import io.godwit.store.Include;
import io.godwit.store.StoreCollection;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The check after an import: the source is read again and every record compared with what the
 * store returns for it (id, vector to the float32, document, every metadata value, uri), and the
 * counts compared. The first difference fails the import, naming the collection, record and field.
 */
final class ImportVerifier {
    private ImportVerifier() {
    }

    static long verify(ChromaSource source, SourceCollection from, StoreCollection to, int batchSize,
                       ProgressListener progress, long total) {
        long[] seen = {0};
        String task = "verifying " + from.path();
        progress.progress(task, 0, total);
        ReadAhead.read(source, from, batchSize, batch -> {
            GetResult got = to.get(GetRequest.ids(batch.stream().map(SourceRecord::id).toList())
                    .include(Include.EMBEDDINGS, Include.DOCUMENTS, Include.METADATAS, Include.URIS));
            compare(from, batch, got);
            seen[0] += batch.size();
            progress.progress(task, seen[0], total);
        });
        long stored = to.count();
        if (stored != seen[0]) {
            throw differs(from, "the store holds " + stored + " records, the source " + seen[0]);
        }
        return stored;
    }

    private static void compare(SourceCollection c, List<SourceRecord> batch, GetResult got) {
        java.util.Map<String, Integer> at = new java.util.HashMap<>();
        for (int i = 0; i < got.ids().size(); i++) {
            at.put(got.ids().get(i), i);
        }
        for (SourceRecord r : batch) {
            Integer i = at.get(r.id());
            if (i == null) {
                throw differs(c, "record " + r.id() + " is missing from the store");
            }
            field(c, r.id(), "embedding", Arrays.equals(r.embedding(), got.embeddings().get(i)));
            field(c, r.id(), "document", Objects.equals(r.document(), got.documents().get(i)));
            field(c, r.id(), "metadata", Objects.equals(emptyAsNull(r.metadata()), emptyAsNull(got.metadatas().get(i))));
            field(c, r.id(), "uri", Objects.equals(r.uri(), got.uris().get(i)));
        }
    }

    private static Object emptyAsNull(java.util.Map<String, Object> m) {
        return m == null || m.isEmpty() ? null : m;
    }

    private static void field(SourceCollection c, String id, String name, boolean equal) {
        if (!equal) {
            throw differs(c, "record " + id + " has another " + name + " in the store than in the source");
        }
    }

    private static ImportException differs(SourceCollection c, String what) {
        return new ImportException(null, "Verification failed for collection " + c.path() + ": " + what
                + ". The import was not completed; report this with the Chroma version that wrote the directory.",
                null, GodwitException.EXIT_INCONSISTENT);
    }
}
