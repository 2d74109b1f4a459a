package io.godwit.store.importer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The two layouts of a Chroma persist directory that {@code godwit import} reads, recognised by
 * their files alone (nothing is opened): before 0.4, DuckDB tables saved as Parquet
 * ({@code chroma-collections.parquet}, {@code chroma-embeddings.parquet}, {@code index/}); from
 * 0.4 on, {@code chroma.sqlite3} beside one folder of hnswlib files per vector segment.
 */
public enum ChromaLayout {
    PARQUET("Chroma before 0.4 (DuckDB + Parquet)", "chroma-collections.parquet"),
    SQLITE("Chroma 0.4 or later (chroma.sqlite3)", "chroma.sqlite3");

    public static final String PARQUET_EMBEDDINGS = "chroma-embeddings.parquet";

    private final String description;
    private final String marker;

    ChromaLayout(String description, String marker) {
        this.description = description;
        this.marker = marker;
    }

    /** What this layout is, in words. */
    public String description() {
        return description;
    }

    /** The file whose presence marks the layout. */
    public String marker() {
        return marker;
    }

    /** The layout {@code directory} holds; empty when it is neither (or is no directory). */
    public static Optional<ChromaLayout> of(Path directory) {
        for (ChromaLayout layout : values()) {
            if (Files.isRegularFile(directory.resolve(layout.marker))) {
                return Optional.of(layout);
            }
        }
        return Optional.empty();
    }

    /**
     * The refusal for a command that would open or create a Godwit store in a Chroma persist
     * directory: what the folder holds and the import command to run instead. Empty when
     * {@code directory} holds neither layout.
     */
    public static Optional<String> refusal(Path directory) {
        return of(directory).map(layout -> directory + " is a Chroma persist directory (" + layout.description
                + "), not a Godwit store; nothing was written. Import it into a new store with `godwit import --from "
                + directory + " --path NEW_DIR`, then use NEW_DIR.");
    }
}
