package io.godwit.store.legacy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.godwit.GodwitException;
import io.godwit.store.CreateCollection;
import io.godwit.store.GodwitClient;
import io.godwit.store.RecordBatch;
import io.godwit.store.StoreCollection;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Moves a legacy DuckDB+Parquet persist directory into a new Godwit store, the job Chroma's
 * {@code chroma-migrate} did. The legacy files are only read. The new store is built under a
 * temporary name beside the target and renamed into place only when every record made it, so a
 * failed import leaves no half-filled store behind.
 */
public final class LegacyImporter {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private LegacyImporter() {
    }

    /** What an import moved. */
    public record Report(int collections, long records) {
    }

    /** Imports {@code legacyDir} into a new store in {@code targetDir}, which must not hold one yet. */
    public static Report importInto(Path legacyDir, Path targetDir) {
        LegacyLayout layout = new LegacyLayout(legacyDir);
        if (!LegacyLayout.isLegacy(legacyDir)) {
            throw new GodwitException("No legacy layout in " + legacyDir + ": expected " + LegacyLayout.COLLECTIONS);
        }
        Path target = targetDir.resolve(GodwitClient.DATABASE_FILE);
        if (Files.exists(target)) {
            throw new GodwitException("A Godwit store already exists at " + target + ": import into an empty folder");
        }
        Path staging = targetDir.resolve(".import-" + ProcessHandle.current().pid());
        try {
            Report report;
            try (GodwitClient client = GodwitClient.persistent(staging); Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
                report = copy(layout, duck, client);
            }
            Files.move(staging.resolve(GodwitClient.DATABASE_FILE), target, StandardCopyOption.ATOMIC_MOVE);
            return report;
        } catch (SQLException | IOException e) {
            throw new GodwitException("Could not import the legacy layout in " + legacyDir + ": " + e.getMessage()
                    + ". Nothing was written to " + targetDir + ".", e);
        } finally {
            deleteQuietly(staging);
        }
    }

    private static Report copy(LegacyLayout layout, Connection duck, GodwitClient client) throws SQLException, IOException {
        Map<String, StoreCollection> byUuid = new HashMap<>();
        try (Statement st = duck.createStatement();
             ResultSet rs = st.executeQuery("SELECT CAST(uuid AS VARCHAR), name, metadata FROM read_parquet("
                     + literal(layout.collections()) + ") ORDER BY name")) {
            while (rs.next()) {
                Integer dimension = dimension(duck, layout, rs.getString(1));
                Map<String, Object> metadata = metadata(rs.getString(3));
                byUuid.put(rs.getString(1), client.createCollection(CreateCollection.named(rs.getString(2))
                        .dimension(dimension).metadata(metadata)));
            }
        }
        long records = 0;
        if (Files.isRegularFile(layout.embeddings())) {
            try (Statement st = duck.createStatement();
                 ResultSet rs = st.executeQuery("SELECT CAST(collection_uuid AS VARCHAR), id, embedding, document, metadata"
                         + " FROM read_parquet(" + literal(layout.embeddings()) + ")")) {
                Map<StoreCollection, Pending> pending = new HashMap<>();
                while (rs.next()) {
                    StoreCollection collection = byUuid.get(rs.getString(1));
                    if (collection == null) {
                        throw new GodwitException("Legacy record " + rs.getString(2) + " belongs to unknown collection " + rs.getString(1));
                    }
                    Pending p = pending.computeIfAbsent(collection, k -> new Pending());
                    Map<String, Object> metadata = metadata(rs.getString(5));
                    p.add(rs.getString(2), floats(rs.getArray(3)), metadata.isEmpty() ? null : metadata, rs.getString(4));
                    if (p.ids.size() == BATCH) {
                        p.flush(collection);
                    }
                    records++;
                }
                for (Map.Entry<StoreCollection, Pending> e : pending.entrySet()) {
                    e.getValue().flush(e.getKey());
                }
            }
        }
        return new Report(byUuid.size(), records);
    }

    private static final int BATCH = 1000;

    /** Records waiting to be added to one collection in one batch. */
    private static final class Pending {
        final List<String> ids = new ArrayList<>();
        final List<float[]> embeddings = new ArrayList<>();
        final List<Map<String, Object>> metadatas = new ArrayList<>();
        final List<String> documents = new ArrayList<>();

        void add(String id, float[] embedding, Map<String, Object> metadata, String document) {
            ids.add(id);
            embeddings.add(embedding);
            metadatas.add(metadata);
            documents.add(document);
        }

        void flush(StoreCollection collection) {
            if (!ids.isEmpty()) {
                collection.add(RecordBatch.of(new ArrayList<>(ids)).embeddings(new ArrayList<>(embeddings))
                        .metadatas(new ArrayList<>(metadatas)).documents(new ArrayList<>(documents)));
                ids.clear();
                embeddings.clear();
                metadatas.clear();
                documents.clear();
            }
        }
    }

    private static Integer dimension(Connection duck, LegacyLayout layout, String collectionUuid) throws SQLException {
        if (!Files.isRegularFile(layout.embeddings())) {
            return null;
        }
        try (Statement st = duck.createStatement();
             ResultSet rs = st.executeQuery("SELECT max(len(embedding)) FROM read_parquet(" + literal(layout.embeddings())
                     + ") WHERE CAST(collection_uuid AS VARCHAR) = " + literal(collectionUuid))) {
            rs.next();
            int d = rs.getInt(1);
            return rs.wasNull() ? null : d;
        }
    }

    private static Map<String, Object> metadata(String json) throws IOException {
        return json == null || json.isBlank() ? Map.of() : new LinkedHashMap<>(JSON.readValue(json, MAP));
    }

    private static float[] floats(Array array) throws SQLException {
        Object[] values = (Object[]) array.getArray();
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = ((Number) values[i]).floatValue();
        }
        return out;
    }

    private static String literal(Object value) {
        return "'" + value.toString().replace("'", "''") + "'";
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // the staging folder was never created, or is already gone
        }
    }
}
