package io.godwit.store.importer;

import java.util.List;

/**
 * What an import did: where from (and what wrote it), where to, and per collection how many
 * records the source held and the store holds, all verified equal.
 *
 * @param source      the Chroma directory read
 * @param writtenBy   {@link ChromaSource#describe()}
 * @param target      the store written (a directory, or a database URL without credentials)
 * @param collections per collection, in the order imported
 * @param seconds     wall time of the whole import, verification included
 */
public record ImportReport(String source, String writtenBy, String target, List<CollectionReport> collections,
                           double seconds) {

    public ImportReport {
        collections = List.copyOf(collections);
    }

    /** One collection: {@code tenant/database/name}, records in the source, records in the store after the import. */
    public record CollectionReport(String collection, long sourceRecords, long storeRecords) {
    }

    public long records() {
        return collections.stream().mapToLong(CollectionReport::storeRecords).sum();
    }
}
