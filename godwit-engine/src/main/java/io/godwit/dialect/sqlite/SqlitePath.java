package io.godwit.dialect.sqlite;

import io.godwit.GodwitException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Is the path a SQLite database file, or where one can be created? Checked before every open, so
 * that a folder, a file where a folder should be, or a file that is not a database gets a message
 * saying what the path is and what was expected, instead of "not initialized" or the driver's
 * {@code SQLITE_NOTADB}, and so that nothing is created beside it.
 */
final class SqlitePath {
    private static final byte[] HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private SqlitePath() {
    }

    static void check(Path file) {
        if (Files.isDirectory(file)) {
            throw new GodwitException(file + " is a folder, not a SQLite database file. Name the database file"
                    + " itself (e.g. " + file.resolve("godwit.sqlite3") + " or " + file.resolve("chroma.sqlite3")
                    + "), or give the folder as a persist directory (godwit --path " + file + ").");
        }
        for (Path p = file.getParent(); p != null; p = p.getParent()) {
            if (Files.exists(p) && !Files.isDirectory(p)) {
                throw new GodwitException(file + " cannot be a database file: " + p + " is a file, not a folder."
                        + " Check the path; nothing was created.");
            }
        }
        if (Files.isRegularFile(file) && !hasHeader(file)) {
            throw new GodwitException(file + " is not a SQLite database: it does not begin with SQLite's header"
                    + " (\"SQLite format 3\"). Check the path (a Godwit database is DIR/godwit.sqlite3, a Chroma one"
                    + " DIR/chroma.sqlite3); nothing was changed or created.");
        }
    }

    /** True for an empty file (SQLite makes it a database on first write) and for one with the header. */
    private static boolean hasHeader(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] start = in.readNBytes(HEADER.length);
            return start.length == 0 || Arrays.equals(start, HEADER);
        } catch (IOException e) {
            throw new GodwitException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
