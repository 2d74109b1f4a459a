package io.godwit.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Removing what a run made: folders of fixtures and SQLite files with their companions. */
public final class Cleanup {
    private Cleanup() {
    }

    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }

    /** A SQLite database file and its journal, WAL and Godwit lock files. */
    public static void deleteSqlite(Path file) throws IOException {
        for (String suffix : new String[] {"", "-journal", "-wal", "-shm", ".godwit-lock"}) {
            Files.deleteIfExists(file.resolveSibling(file.getFileName() + suffix));
        }
    }
}
