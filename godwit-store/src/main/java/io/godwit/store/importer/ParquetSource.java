package io.godwit.store.importer;

import io.godwit.store.Settings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Chroma before 0.4: two DuckDB tables saved as Parquet, {@code chroma-collections.parquet}
 * (uuid, name, metadata JSON) and {@code chroma-embeddings.parquet} (collection_uuid, uuid,
 * embedding DOUBLE[], document, id, metadata JSON), read through an in-memory DuckDB that only
 * reads them. That layout had no tenants or databases: everything goes to the defaults.
 */
final class ParquetSource implements ChromaSource {
    private final Path directory;
    private final Path collectionsFile;
    private final Path embeddingsFile;
    private final Connection duck;
    private final List<SourceCollection> collections;

    ParquetSource(Path directory) {
        this.directory = directory;
        this.collectionsFile = directory.resolve(ChromaLayout.PARQUET.marker());
        this.embeddingsFile = directory.resolve(ChromaLayout.PARQUET_EMBEDDINGS);
        try {
            this.duck = DriverManager.getConnection("jdbc:duckdb:");
        } catch (SQLException e) {
            throw new ImportException(null, "Cannot start DuckDB to read " + directory + ": " + e.getMessage(), e);
        }
        this.collections = readCollections();
        checkNoOrphans();
    }

    @Override
    public Path directory() {
        return directory;
    }

    @Override
    public String describe() {
        return ChromaLayout.PARQUET.description();
    }

    @Override
    public List<SourceCollection> collections() {
        return collections;
    }

    private List<SourceCollection> readCollections() {
        List<String[]> rows = new ArrayList<>();
        query(collectionsFile, "SELECT CAST(uuid AS VARCHAR), name, metadata FROM read_parquet(" + literal(collectionsFile)
                + ") ORDER BY name", rs -> rows.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}));
        List<SourceCollection> out = new ArrayList<>();
        for (String[] row : rows) {
            Map<String, Object> metadata = LegacyMetadata.parse(row[2], collectionsFile, "collection " + row[1]);
            Map<String, Object> kept = metadata == null ? Map.of() : metadata;
            out.add(new SourceCollection(Settings.DEFAULT_TENANT, Settings.DEFAULT_DATABASE, row[0], row[1], kept,
                    Configurations.fromMetadata(kept), dimension(row[0])));
        }
        return List.copyOf(out);
    }

    private Integer dimension(String collectionId) {
        if (!Files.isRegularFile(embeddingsFile)) {
            return null;
        }
        Integer[] d = {null};
        query(embeddingsFile, "SELECT max(len(embedding)) FROM read_parquet(" + literal(embeddingsFile)
                + ") WHERE CAST(collection_uuid AS VARCHAR) = " + literal(collectionId), rs -> {
            int value = rs.getInt(1);
            d[0] = rs.wasNull() ? null : value;
        });
        return d[0];
    }

    private void checkNoOrphans() {
        if (!Files.isRegularFile(embeddingsFile)) {
            return;
        }
        Set<String> known = new java.util.HashSet<>();
        collections.forEach(c -> known.add(c.id()));
        query(embeddingsFile, "SELECT DISTINCT CAST(collection_uuid AS VARCHAR), min(id) FROM read_parquet("
                + literal(embeddingsFile) + ") GROUP BY 1", rs -> {
            if (!known.contains(rs.getString(1))) {
                throw new ImportException(embeddingsFile, embeddingsFile + ": record " + rs.getString(2)
                        + " belongs to unknown collection " + rs.getString(1) + ", which " + collectionsFile.getFileName()
                        + " does not list. Restore the two files from the same copy of the directory.");
            }
        });
    }

    @Override
    public long count(SourceCollection collection) {
        if (!Files.isRegularFile(embeddingsFile)) {
            return 0;
        }
        long[] n = {0};
        query(embeddingsFile, "SELECT count(*) FROM read_parquet(" + literal(embeddingsFile)
                + ") WHERE CAST(collection_uuid AS VARCHAR) = " + literal(collection.id()), rs -> n[0] = rs.getLong(1));
        return n[0];
    }

    @Override
    public void read(SourceCollection collection, int batchSize, Consumer<List<SourceRecord>> batches) {
        if (!Files.isRegularFile(embeddingsFile)) {
            return;
        }
        List<List<SourceRecord>> pending = new ArrayList<>(List.of(new ArrayList<>()));
        query(embeddingsFile, "SELECT id, embedding, document, metadata FROM read_parquet(" + literal(embeddingsFile)
                + ", file_row_number = true) WHERE CAST(collection_uuid AS VARCHAR) = " + literal(collection.id())
                + " ORDER BY file_row_number", rs -> {
            String id = rs.getString(1);
            String owner = "record " + id + " of collection " + collection.name();
            pending.get(0).add(new SourceRecord(id, floats(rs.getArray(2), owner), rs.getString(3),
                    LegacyMetadata.parse(rs.getString(4), embeddingsFile, owner), null));
            if (pending.get(0).size() == batchSize) {
                batches.accept(pending.set(0, new ArrayList<>()));
            }
        });
        if (!pending.get(0).isEmpty()) {
            batches.accept(pending.get(0));
        }
    }

    private float[] floats(Array array, String owner) throws SQLException {
        if (array == null) {
            throw new ImportException(embeddingsFile, embeddingsFile + ": " + owner
                    + " has no embedding; Godwit keeps a vector for every record. Add one in Chroma, or delete the record.");
        }
        Object[] values = (Object[]) array.getArray();
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = ((Number) values[i]).floatValue();
        }
        return out;
    }

    private interface Rows {
        void accept(ResultSet rs) throws SQLException;
    }

    /** Runs {@code sql} over {@code file}; a file DuckDB cannot read (truncated, not Parquet) is named with what to do. */
    private void query(Path file, String sql, Rows rows) {
        try (Statement st = duck.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                rows.accept(rs);
            }
        } catch (SQLException e) {
            throw new ImportException(file, "Cannot read " + file + " as Parquet (" + firstLine(e.getMessage())
                    + "). The file is damaged or truncated: restore it from a backup of the Chroma directory.", e);
        }
    }

    private static String firstLine(String message) {
        return message == null ? "no detail" : message.strip().lines().findFirst().orElse("no detail");
    }

    private static String literal(Object value) {
        return "'" + value.toString().replace("'", "''") + "'";
    }

    @Override
    public void close() {
        try {
            duck.close();
        } catch (SQLException ignored) {
            // an in-memory database: nothing to lose
        }
    }
}
