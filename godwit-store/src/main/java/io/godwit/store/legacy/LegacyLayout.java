package io.godwit.store.legacy;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The pre-0.4 persist directory: DuckDB tables saved as two Parquet files,
 * {@code chroma-collections.parquet} (uuid, name, metadata JSON) and
 * {@code chroma-embeddings.parquet} (collection_uuid, uuid, embedding DOUBLE[], document, id,
 * metadata JSON). Read only, through DuckDB, by {@link LegacyImporter}.
 */
public record LegacyLayout(Path directory) {
    public static final String COLLECTIONS = "chroma-collections.parquet";
    public static final String EMBEDDINGS = "chroma-embeddings.parquet";

    /** True when the directory holds the legacy layout. */
    public static boolean isLegacy(Path directory) {
        return Files.isRegularFile(directory.resolve(COLLECTIONS));
    }

    Path collections() {
        return directory.resolve(COLLECTIONS);
    }

    Path embeddings() {
        return directory.resolve(EMBEDDINGS);
    }
}
