package io.godwit.store.importer;

import org.sqlite.SQLiteConfig;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A read-only connection to a Chroma {@code chroma.sqlite3} that leaves the directory exactly as
 * it was. A file with a {@code -wal} or {@code -journal} beside it (Chroma running, or stopped
 * mid-write) is copied with it to a temporary folder and the copy read, since even a read-only
 * connection would roll back or checkpoint those into the original.
 */
final class ChromaDatabase implements AutoCloseable {
    private static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private final Connection connection;
    private final Path read;
    private final Path copy;

    private ChromaDatabase(Connection connection, Path read, Path copy) {
        this.connection = connection;
        this.read = read;
        this.copy = copy;
    }

    static ChromaDatabase open(Path file) {
        checkMagic(file);
        Path copy = null;
        try {
            Path read = file;
            if (Files.exists(sidecar(file, "-wal")) || Files.exists(sidecar(file, "-journal"))) {
                copy = Files.createTempDirectory("godwit-import");
                read = copy.resolve(file.getFileName());
                for (String suffix : new String[] {"", "-wal", "-journal"}) {
                    if (Files.exists(sidecar(file, suffix))) {
                        Files.copy(sidecar(file, suffix), sidecar(read, suffix), StandardCopyOption.COPY_ATTRIBUTES);
                    }
                }
            }
            SQLiteConfig cfg = new SQLiteConfig();
            cfg.setReadOnly(copy == null);
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + read.toAbsolutePath(), cfg.toProperties());
            c.createStatement().execute("PRAGMA query_only = ON");
            return new ChromaDatabase(c, read, copy);
        } catch (IOException | SQLException e) {
            delete(copy);
            throw new ImportException(file, "Cannot open " + file + " (" + e.getMessage() + "). Check that the file is"
                    + " readable and not a damaged copy; restore it from a backup if it is.", e);
        }
    }

    private static void checkMagic(Path file) {
        byte[] head = new byte[MAGIC.length];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new ImportException(file, "Cannot read " + file + ": " + e.getMessage(), e);
        }
        if (n < MAGIC.length || !Arrays.equals(head, MAGIC)) {
            throw new ImportException(file, file + " is not a SQLite database, so not a chroma.sqlite3 Chroma wrote."
                    + " Point --from at the persist directory Chroma used (the folder given as its --path).");
        }
    }

    private static Path sidecar(Path file, String suffix) {
        return file.resolveSibling(file.getFileName() + suffix);
    }

    Connection connection() {
        return connection;
    }

    /** The file read: the original, or its temporary copy. */
    Path file() {
        return read;
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // read-only: nothing to lose
        }
        delete(copy);
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary copy: the system cleans its temp folder
        }
    }
}
