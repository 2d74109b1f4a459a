package io.godwit.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The limit: the database's own shell runs the statements in one transaction ({@code sqlite3}
 * reading the script, which holds BEGIN and COMMIT; {@code psql -1 -f}), or reads the history
 * rows once, which is the least any validation must do. Timed as whole processes.
 */
final class Shell {
    static final String READ_HISTORY = "SELECT subsystem, version, filename, checksum FROM history ORDER BY subsystem, version";

    private final PgAdmin pg;

    Shell(PgAdmin pg) {
        this.pg = pg;
    }

    /** Runs the script on an empty database called {@code name}; returns the nanoseconds it took. */
    long apply(Dialect dialect, Path script, Path sqliteFile, String name) throws Exception {
        if (dialect == Dialect.SQLITE) {
            java.nio.file.Files.createDirectories(sqliteFile.getParent());
            Cleanup.deleteSqlite(sqliteFile);
            return time(new ProcessBuilder("sqlite3", sqliteFile.toString()).redirectInput(script.toFile()), Map.of());
        }
        pg.recreate(name);
        return time(new ProcessBuilder(pg.psql(name, "-1", "-f", script.toString())), pg.psqlEnvironment());
    }

    /** Reads every history row of a database {@link #apply} made from a history script. */
    long readHistory(Dialect dialect, Path sqliteFile, String name) throws Exception {
        ProcessBuilder pb = dialect == Dialect.SQLITE ? new ProcessBuilder("sqlite3", sqliteFile.toString(), READ_HISTORY)
                : new ProcessBuilder(pg.psql(name, "-A", "-t", "-c", READ_HISTORY));
        return time(pb, dialect == Dialect.SQLITE ? Map.of() : pg.psqlEnvironment());
    }

    private static long time(ProcessBuilder pb, Map<String, String> env) throws IOException, InterruptedException {
        pb.environment().putAll(env);
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        File err = File.createTempFile("godwit-bench-shell", ".err");
        pb.redirectError(err);
        try {
            long start = System.nanoTime();
            Process p = pb.start();
            int code = p.waitFor();
            long took = System.nanoTime() - start;
            if (code != 0) {
                List<String> lines = java.nio.file.Files.readAllLines(err.toPath());
                throw new IllegalStateException(pb.command().get(0) + " exited " + code
                        + (lines.isEmpty() ? "" : ": " + lines.get(0)));
            }
            return took;
        } finally {
            err.delete();
        }
    }
}
