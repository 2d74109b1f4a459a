package io.godwit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/** Files, databases and JSON for the command-line tests. */
final class Fixtures {
    /** The number of built-in sqlite migrations (sysdb 7, embeddings_queue 4 + 1 in Java, metadb 6). */
    static final int BUILTIN_COUNT = 18;

    private Fixtures() {
    }

    static Path write(Path folder, String name, String text) throws IOException {
        Files.createDirectories(folder);
        return Files.writeString(folder.resolve(name), text, StandardCharsets.UTF_8);
    }

    static JsonNode json(String text) throws IOException {
        return new ObjectMapper().readTree(text);
    }

    static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The names of the entries of a folder, sorted: to show that a command created no file. */
    static List<String> listing(Path folder) {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean tableExists(Path db, String table) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             PreparedStatement ps = c.prepareStatement("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    static List<String> historyHashes(Path db) throws SQLException {
        List<String> hashes = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT hash FROM migrations ORDER BY dir, version")) {
            while (rs.next()) {
                hashes.add(rs.getString(1));
            }
        }
        return hashes;
    }

    /** A row of a history that Chroma wrote. */
    record ChromaRow(String dir, int version, String filename, String sql) {
    }

    /**
     * A SQLite file whose history table is laid out and filled exactly as Chroma does it: its
     * five columns, md5 of the SQL text, nothing else. Left in the rollback-journal mode Chroma's
     * SQLite files have, with no WAL beside it.
     */
    static void chromaDatabase(Path file, List<ChromaRow> rows) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement st = c.createStatement()) {
            st.execute("CREATE TABLE migrations (dir TEXT NOT NULL, version INTEGER NOT NULL, filename TEXT NOT NULL,"
                    + " sql TEXT NOT NULL, hash TEXT NOT NULL, PRIMARY KEY (dir, version))");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO migrations VALUES (?, ?, ?, ?, ?)")) {
                for (ChromaRow r : rows) {
                    st.execute(r.sql());
                    ps.setString(1, r.dir());
                    ps.setInt(2, r.version());
                    ps.setString(3, r.filename());
                    ps.setString(4, r.sql());
                    ps.setString(5, md5(r.sql()));
                    ps.executeUpdate();
                }
            }
        }
    }
}
