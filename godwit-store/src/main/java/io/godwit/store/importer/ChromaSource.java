package io.godwit.store.importer;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * A Chroma persist directory opened for reading, in either of its layouts ({@link ChromaLayout}).
 * Nothing in the directory is ever written. A source that cannot be read throws an
 * {@link ImportException} naming the file and what to do.
 */
public interface ChromaSource extends AutoCloseable {

    /** Opens {@code directory} in the layout it holds; fails saying what was expected when it holds neither. */
    static ChromaSource open(Path directory) {
        if (!java.nio.file.Files.isDirectory(directory)) {
            throw new ImportException(directory, directory + " is not a directory. Give --from the persist directory"
                    + " Chroma used (its --path, or persist_directory in Python).");
        }
        return switch (ChromaLayout.of(directory).orElseThrow(() -> new ImportException(directory, directory
                + " holds no Chroma persist directory: expected " + ChromaLayout.SQLITE.marker() + " (Chroma 0.4 or later) or "
                + ChromaLayout.PARQUET.marker() + " (before 0.4). Give --from the folder Chroma persisted to."))) {
            case PARQUET -> new ParquetSource(directory);
            case SQLITE -> new SqliteSource(directory);
        };
    }

    /** The directory read. */
    Path directory();

    /** What wrote it, in words, e.g. "Chroma before 0.4 (DuckDB + Parquet)". */
    String describe();

    /** Every collection, in the order Chroma created them (by name for the Parquet layout). */
    List<SourceCollection> collections();

    /** How many records {@code collection} holds now, as Chroma's count would answer. */
    long count(SourceCollection collection);

    /**
     * Hands every record of {@code collection} to {@code batches}, in Chroma's order, at most
     * {@code batchSize} at a time; each list is the caller's to keep.
     */
    void read(SourceCollection collection, int batchSize, Consumer<List<SourceRecord>> batches);

    @Override
    void close();
}
