package io.godwit.store.importer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Damaged copies of the peer-written directory: each is refused with one message naming the file
 * and what to do, and reading stops before a record is handed on.
 */
class SqliteSourceBadInputTest {
    @TempDir
    Path temp;

    private Path peer() {
        return Fixtures.copy("1.0-peer/persist", temp);
    }

    /** The folder of collection {@code name}'s vector segment in {@code dir}. */
    private static Path vectorFolder(Path dir, String name) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("chroma.sqlite3"));
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT s.id FROM segments s JOIN collections c ON c.id = s.collection"
                     + " WHERE c.name = '" + name + "' AND s.scope = 'VECTOR'")) {
            rs.next();
            return dir.resolve(rs.getString(1));
        }
    }

    private static void readAll(Path dir, String collection) {
        try (ChromaSource source = ChromaSource.open(dir)) {
            SourceCollection c = source.collections().stream().filter(s -> s.name().equals(collection)).findFirst().orElseThrow();
            source.read(c, 10_000, batch -> {
                throw new AssertionError("a batch was handed on from a damaged source");
            });
        }
    }

    @Test
    void aFileThatIsNoSqliteDatabase() throws Exception {
        Path dir = Files.createDirectories(temp.resolve("garbage"));
        Files.writeString(dir.resolve("chroma.sqlite3"), "not a database at all, but long enough to have a header");
        assertThatThrownBy(() -> ChromaSource.open(dir)).isInstanceOf(ImportException.class)
                .hasMessage(dir.resolve("chroma.sqlite3") + " is not a SQLite database, so not a chroma.sqlite3 Chroma wrote."
                        + " Point --from at the persist directory Chroma used (the folder given as its --path).");
    }

    @Test
    void aSqliteDatabaseChromaDidNotWrite() throws Exception {
        Path dir = Files.createDirectories(temp.resolve("other"));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("chroma.sqlite3"))) {
            c.createStatement().execute("CREATE TABLE collections (id TEXT)");
        }
        assertThatThrownBy(() -> ChromaSource.open(dir)).isInstanceOf(ImportException.class)
                .hasMessageContaining("is a SQLite database but not one Chroma 0.4 or later wrote: it has no table segments");
    }

    @Test
    void aMissingSegmentFolderWhoseVectorsWerePurgedFromTheLog() throws Exception {
        Path dir = peer();
        Path folder = vectorFolder(dir, "bulk");
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(folder);
        assertThatThrownBy(() -> readAll(dir, "bulk")).isInstanceOf(ImportException.class)
                .hasMessageStartingWith(folder + " is missing, although chroma.sqlite3 records that collection bulk's vectors")
                .hasMessageContaining("Restore the whole Chroma directory");
    }

    @Test
    void aPickleOfUnknownShape() throws Exception {
        Path dir = peer();
        Path pickle = vectorFolder(dir, "bulk").resolve("index_metadata.pickle");
        // protocol 2: the list [1, 2]
        Files.write(pickle, new byte[] {(byte) 0x80, 2, ']', 'q', 0, '(', 'K', 1, 'K', 2, 'e', '.'});
        assertThatThrownBy(() -> readAll(dir, "bulk")).isInstanceOf(ImportException.class)
                .hasMessageStartingWith(pickle + " is not an id map of a shape Godwit knows: it holds a ArrayList");
        Files.write(pickle, new byte[] {1, 2, 3});
        assertThatThrownBy(() -> readAll(dir, "bulk")).hasMessageStartingWith(pickle + " is not an id map of a shape Godwit knows:"
                + " it cannot be unpickled");
    }

    @Test
    void segmentFilesThatDisagreeWithTheDatabase() throws Exception {
        Path dir = peer();
        Path data = vectorFolder(dir, "bulk").resolve("data_level0.bin");
        Files.write(data, Arrays.copyOf(Files.readAllBytes(data), 1000));
        assertThatThrownBy(() -> readAll(dir, "bulk")).isInstanceOf(ImportException.class)
                .hasMessageStartingWith(data + " disagrees with the rest of the segment: the header counts")
                .hasMessageContaining("Restore the Chroma directory from a backup");

        Path other = Fixtures.copy("1.0-peer/persist", temp.resolve("second"));
        Path header = vectorFolder(other, "bulk").resolve("header.bin");
        byte[] bytes = Files.readAllBytes(header);
        bytes[0] = 7;
        Files.write(header, bytes);
        assertThatThrownBy(() -> readAll(other, "bulk")).hasMessageStartingWith(header + " disagrees with the rest of the segment:"
                + " it is not an hnswlib header Godwit knows (version 7)");
    }

    @Test
    void aRecordWhoseVectorIsNowhere() throws Exception {
        Path dir = peer();
        Path folder = vectorFolder(dir, "bulk");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("chroma.sqlite3"))) {
            c.createStatement().execute("DELETE FROM embeddings_queue WHERE id = 'bulk-2'");
            c.createStatement().execute("DELETE FROM max_seq_id WHERE segment_id = '" + folder.getFileName() + "'");
        }
        Files.delete(folder.resolve("index_metadata.pickle"));
        assertThatThrownBy(() -> readAll(dir, "bulk")).isInstanceOf(ImportException.class)
                .hasMessageContaining("has no vector in the log of chroma.sqlite3 nor in the segment folder " + folder);
        assertThat(dir.resolve("chroma.sqlite3")).exists();
    }
}
