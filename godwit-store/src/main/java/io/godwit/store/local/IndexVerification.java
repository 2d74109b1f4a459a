package io.godwit.store.local;

import io.godwit.spi.Database;
import io.godwit.store.vector.IndexInspection;
import io.godwit.store.vector.IndexParams;
import io.godwit.store.vector.VectorSegment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code godwit verify}'s check of the vector indexes: for each collection of a persistent store,
 * its index file, caught up from the log in memory, must hold exactly the collection's records.
 * Read-only: no lock taken, no file written, one read transaction. A file that cannot serve (damaged,
 * another epoch, other parameters) is a problem too, although the store rebuilds it by itself at the
 * next open; a collection without a file (never queried, or a store in memory) has nothing to check.
 */
public final class IndexVerification {
    /** What was found: the collections checked, and one line per problem. */
    public record Report(int collections, int withFiles, List<String> problems) {
    }

    private IndexVerification() {
    }

    /** Checks the indexes beside {@code database}'s file ({@code persistDir}); empty when it holds no store. */
    public static Optional<Report> run(Database database, Path persistDir) throws SQLException {
        Optional<Connection> opened = database.openForReading();
        if (opened.isEmpty()) {
            return Optional.empty();
        }
        try (Connection c = opened.get()) {
            if (!database.tableExists(c, "collections") || !database.tableExists(c, "store_epoch")) {
                return Optional.empty();
            }
            c.setAutoCommit(false); // one snapshot for the log and the records
            try {
                return Optional.of(check(c, persistDir));
            } finally {
                c.rollback();
            }
        }
    }

    private static Report check(Connection c, Path persistDir) throws SQLException {
        String epoch = StoreEpoch.current(c);
        List<String> problems = new ArrayList<>();
        int collections = 0;
        int withFiles = 0;
        for (String id : ids(c)) {
            collections++;
            CollectionRow row = CollectionRows.byId(c, UUID.fromString(id)).orElse(null);
            if (row == null || row.vectorSegment() == null) {
                continue; // a collection of 0.1.0 without its vector segment yet (a client's first open adds it)
            }
            Path dir = persistDir.resolve(HnswVectors.FOLDER).resolve(row.vectorSegment());
            if (row.dimension() == null || epoch == null || !Files.isRegularFile(dir.resolve("index.gwvx"))) {
                continue;
            }
            withFiles++;
            VectorSegment.Context context = new VectorSegment.Context(row.vectorSegment(), row.metadataSegment(),
                    row.topic(), row.configuration(), epoch);
            IndexInspection found = IndexInspection.of(IndexParams.of(row.configuration(), row.dimension()),
                    UUID.fromString(epoch), dir, new QueueVectorLog(c, context), rows(c, row.metadataSegment()));
            String where = "collection '" + row.name() + "' (" + row.id() + "), index " + dir.resolve("index.gwvx");
            if (found.unusable() != null) {
                problems.add(where + ": cannot serve, " + found.unusable() + "; the store rebuilds it from the"
                        + " database at its next open");
            } else if (!found.check().ok()) {
                problems.add(where + ": " + found.check() + "; delete the folder " + dir + " to have it rebuilt");
            }
        }
        return new Report(collections, withFiles, problems);
    }

    private static List<String> ids(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM collections ORDER BY created_seq, id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static long[] rows(Connection c, String segment) throws SQLException {
        List<Long> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM embeddings WHERE segment_id = ? AND vector IS NOT NULL")) {
            ps.setString(1, segment);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
        }
        return out.stream().mapToLong(Long::longValue).toArray();
    }
}
