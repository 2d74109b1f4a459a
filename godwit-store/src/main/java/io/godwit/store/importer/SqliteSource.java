package io.godwit.store.importer;

import io.godwit.store.Settings;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Chroma 0.4 to 1.x: {@code chroma.sqlite3} (tenants, databases, collections and their metadata
 * and configuration; a metadata segment of records, documents, typed metadata and uris; the log)
 * beside one folder of hnswlib files per vector segment, named by the segment's id. Schemas of
 * every release are read: a table or column a release did not have yet is not asked for.
 */
final class SqliteSource implements ChromaSource {
    static final String DATABASE = "chroma.sqlite3";
    private static final List<String> REQUIRED = List.of("collections", "segments", "embeddings", "embedding_metadata",
            "embeddings_queue", "max_seq_id");

    private final Path directory;
    private final Path file;
    private final ChromaDatabase database;
    private final Connection db;
    private final ChromaLog log;
    private final Set<String> tables;
    private final List<SourceCollection> collections;
    private final Map<String, String[]> segments = new HashMap<>();
    private Map<String, Long> rowsBySegment;
    private long rows;

    SqliteSource(Path directory) {
        this.directory = directory;
        this.file = directory.resolve(DATABASE);
        this.database = ChromaDatabase.open(file);
        this.db = database.connection();
        this.log = new ChromaLog(db, file);
        try {
            this.tables = tables();
            this.collections = readCollections();
        } catch (SQLException e) {
            database.close();
            throw failure(e);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    @Override
    public Path directory() {
        return directory;
    }

    @Override
    public String describe() {
        return ChromaLayout.SQLITE.description() + ", " + ChromaReleases.describe(database.file(), db);
    }

    @Override
    public List<SourceCollection> collections() {
        return collections;
    }

    private Set<String> tables() throws SQLException {
        Set<String> names = new TreeSet<>();
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        for (String required : REQUIRED) {
            if (!names.contains(required)) {
                throw new ImportException(file, file + " is a SQLite database but not one Chroma 0.4 or later wrote: it has no"
                        + " table " + required + ". Point --from at the persist directory Chroma used.");
            }
        }
        return names;
    }

    private boolean hasColumn(String table, String column) throws SQLException {
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("PRAGMA table_info(" + table + ")")) {
            while (rs.next()) {
                if (rs.getString("name").equals(column)) {
                    return true;
                }
            }
        }
        return false;
    }

    private List<SourceCollection> readCollections() throws SQLException {
        boolean scoped = tables.contains("databases");
        boolean config = hasColumn("collections", "config_json_str");
        String sql = "SELECT c.id, c.name, c.dimension, " + (scoped ? "d.tenant_id, d.name" : "NULL, NULL") + ", "
                + (config ? "c.config_json_str" : "NULL") + " FROM collections c"
                + (scoped ? " JOIN databases d ON d.id = c.database_id" : "") + " ORDER BY c.rowid";
        List<SourceCollection> out = new ArrayList<>();
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                String id = rs.getString(1);
                Map<String, Object> metadata = collectionMetadata(id);
                int dim = rs.getInt(3);
                Integer dimension = rs.wasNull() ? null : dim;
                out.add(new SourceCollection(orDefault(rs.getString(4), Settings.DEFAULT_TENANT),
                        orDefault(rs.getString(5), Settings.DEFAULT_DATABASE), id, rs.getString(2), metadata,
                        Configurations.from(rs.getString(6), metadata, file, rs.getString(2)), dimension));
            }
        }
        for (SourceCollection c : out) {
            segments.put(c.id(), segmentsOf(c));
        }
        return List.copyOf(out);
    }

    private Map<String, Object> collectionMetadata(String collectionId) throws SQLException {
        boolean hasBool = hasColumn("collection_metadata", "bool_value");
        Map<String, Object> out = new LinkedHashMap<>();
        try (PreparedStatement ps = db.prepareStatement("SELECT key, str_value, int_value, float_value"
                + (hasBool ? ", bool_value" : "") + " FROM collection_metadata WHERE collection_id = ? ORDER BY key")) {
            ps.setString(1, collectionId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Object value = ChromaValues.read(rs, 2, hasBool);
                    if (value != null) {
                        out.put(rs.getString(1), value);
                    }
                }
            }
        }
        return out;
    }

    /** The collection's {metadata segment id, vector segment id}; either may be null. */
    private String[] segmentsOf(SourceCollection c) throws SQLException {
        String[] ids = new String[2];
        try (PreparedStatement ps = db.prepareStatement("SELECT id, scope FROM segments WHERE collection = ?")) {
            ps.setString(1, c.id());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids["METADATA".equals(rs.getString(2)) ? 0 : 1] = rs.getString(1);
                }
            }
        }
        if (ids[0] == null) {
            throw new ImportException(file, file + ": collection " + c.name() + " has no metadata segment. The database is"
                    + " damaged: restore it from a backup.");
        }
        return ids;
    }

    private long position(String segmentId) throws SQLException {
        if (segmentId == null) {
            return 0;
        }
        try (PreparedStatement ps = db.prepareStatement("SELECT seq_id FROM max_seq_id WHERE segment_id = ?")) {
            ps.setString(1, segmentId);
            try (ResultSet rs = ps.executeQuery()) {
                long seq = rs.next() ? SeqIds.decode(rs.getObject(1)) : 0;
                if (seq < 0) {
                    throw new ImportException(file, file + ": the log position of segment " + segmentId
                            + " is in no form Chroma wrote. Restore the database from a backup.");
                }
                return seq;
            }
        }
    }

    private SegmentRecords records(SourceCollection c) throws SQLException {
        String metadataSegment = segments.get(c.id())[0];
        return new SegmentRecords(db, hasColumn("embedding_metadata", "bool_value"), metadataSegment,
                holdsMostRows(metadataSegment), log.entries(c.id(), position(metadataSegment)));
    }

    /** Whether the segment holds at least half of the rows of {@code embeddings} (counted once per source). */
    private boolean holdsMostRows(String segmentId) throws SQLException {
        if (rowsBySegment == null) {
            Map<String, Long> counts = new HashMap<>();
            try (Statement st = db.createStatement();
                 ResultSet rs = st.executeQuery("SELECT segment_id, count(*) FROM embeddings GROUP BY segment_id")) {
                while (rs.next()) {
                    counts.put(rs.getString(1), rs.getLong(2));
                    rows += rs.getLong(2);
                }
            }
            rowsBySegment = counts;
        }
        return rowsBySegment.getOrDefault(segmentId, 0L) * 2 >= rows;
    }

    @Override
    public long count(SourceCollection collection) {
        try {
            return records(collection).count();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    @Override
    public void read(SourceCollection collection, int batchSize, Consumer<List<SourceRecord>> batches) {
        String vectorSegment = segments.get(collection.id())[1];
        Path folder = directory.resolve(vectorSegment == null ? "missing-vector-segment" : vectorSegment);
        try (VectorLookup vectors = VectorLookup.open(log, collection, folder, position(vectorSegment))) {
            records(collection).read(vectors, batchSize, batches);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private ImportException failure(SQLException e) {
        return new ImportException(file, "Cannot read " + file + " (" + e.getMessage() + "). The database is damaged or"
                + " not one Chroma wrote: restore it from a backup.", e);
    }

    private static String orDefault(String value, String fallback) {
        return value == null ? fallback : value;
    }

    @Override
    public void close() {
        database.close();
    }
}
