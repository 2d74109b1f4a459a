import io.godwit.Godwit;
import io.godwit.ProgressListener;
import io.godwit.backup.Backup;
import io.godwit.backup.RestoreResult;
import io.godwit.spi.MigrationSource;
import io.godwit.spi.SourceFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Backup and restore of a large SQLite database against cp of the same file, in one run.
 * Not a test: it prints figures. Run by bench/backup/run.sh; arguments: WORKDIR SIZE_MIB ROUNDS.
 *
 * Each round runs, in this order and on the same file: cp; cp then fsync of the copy (what a
 * durable copy costs); godwit backup (online copy through SQLite's backup API, sha256, fsync,
 * rename, manifest); godwit restore of that backup (copy while hashing, fsync, swap, and the
 * checksum of the replaced database it keeps). The median of the rounds is reported.
 */
public final class BackupBench {
    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]).toAbsolutePath();
        long mib = Long.parseLong(args[1]);
        int rounds = Integer.parseInt(args[2]);
        Files.createDirectories(work);
        Path db = work.resolve("data").resolve("bench.sqlite3");
        if (!Files.exists(db)) {
            create(db, mib);
        }
        PhaseClock clock = new PhaseClock();
        Godwit godwit = Godwit.configure().sqlite(db).subsystem("bench", new EmptySource()).progress(clock).load();
        System.out.printf("database %s: %.2f GiB%n", db, Files.size(db) / (double) (1L << 30));
        Map<String, List<Double>> times = new LinkedHashMap<>();
        for (int round = 1; round <= rounds; round++) {
            Path copy = work.resolve("cp.sqlite3");
            time(times, "cp", () -> run("cp", db.toString(), copy.toString()));
            Files.delete(copy);
            time(times, "cp + fsync", () -> {
                run("cp", db.toString(), copy.toString());
                run("sync", copy.toString());
            });
            Files.delete(copy);
            Path backupFile = work.resolve("backup.sqlite3");
            Backup[] backup = new Backup[1];
            clock.reset();
            time(times, "godwit backup", () -> backup[0] = godwit.backup(backupFile));
            String backupPhases = clock.phases();
            RestoreResult[] restored = new RestoreResult[1];
            clock.reset();
            time(times, "godwit restore", () -> restored[0] = godwit.restore(backup[0].file()));
            String restorePhases = clock.phases();
            Path kept = restored[0].replaced().orElseThrow();
            Files.delete(kept);
            Files.delete(kept.resolveSibling(kept.getFileName() + ".manifest"));
            Files.delete(backupFile);
            Files.delete(backupFile.resolveSibling("backup.sqlite3.manifest"));
            System.out.println("round " + round + ": " + last(times));
            System.out.println("  backup phases: " + backupPhases + "; restore phases: " + restorePhases);
        }
        double cp = median(times.get("cp"));
        double cpSync = median(times.get("cp + fsync"));
        System.out.println();
        System.out.println("| operation | median s | vs cp | vs cp + fsync | rounds (s) |");
        System.out.println("| --- | --- | --- | --- | --- |");
        times.forEach((name, list) -> System.out.printf("| %s | %.2f | %.2fx | %.2fx | %s |%n", name, median(list),
                median(list) / cp, median(list) / cpSync, format(list)));
        System.out.println();
        System.out.println("finished " + Instant.now());
    }

    /** A table shaped like an embedding store's: ids, a text key with an index, a ~1 KB vector blob. */
    private static void create(Path db, long mib) throws Exception {
        Files.createDirectories(db.getParent());
        long rows = mib * 1024 * 1024 / 1400; // ~1.4 KB a row with its index entry
        System.out.println("creating " + db + " with " + rows + " rows (~" + mib + " MiB) ...");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            st.execute("PRAGMA journal_mode = WAL");
            st.execute("CREATE TABLE embeddings (id INTEGER PRIMARY KEY, key TEXT NOT NULL, vector BLOB NOT NULL)");
            st.execute("CREATE INDEX embeddings_key ON embeddings (key)");
            st.execute("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < " + rows + ")"
                    + " INSERT INTO embeddings (key, vector) SELECT hex(randomblob(12)), randomblob(1024) FROM c");
            st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
    }

    interface Step {
        void run() throws Exception;
    }

    private static void time(Map<String, List<Double>> times, String name, Step step) throws Exception {
        long start = System.nanoTime();
        step.run();
        times.computeIfAbsent(name, k -> new ArrayList<>()).add((System.nanoTime() - start) / 1e9);
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed");
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String format(List<Double> values) {
        return String.join(", ", values.stream().map(v -> String.format("%.2f", v)).toList());
    }

    private static String last(Map<String, List<Double>> times) {
        List<String> parts = new ArrayList<>();
        times.forEach((name, list) -> parts.add(String.format("%s %.2f s", name, list.get(list.size() - 1))));
        return String.join(", ", parts);
    }

    /** When each task of an operation started and ended, from the engine's progress reports. */
    private static final class PhaseClock implements ProgressListener {
        private final Map<String, long[]> spans = new LinkedHashMap<>();
        private long origin = System.nanoTime();

        synchronized void reset() {
            spans.clear();
            origin = System.nanoTime();
        }

        @Override
        public synchronized void progress(String task, long done, long total) {
            long now = System.nanoTime() - origin;
            spans.computeIfAbsent(task, k -> new long[] {now, now})[1] = now;
        }

        synchronized String phases() {
            List<String> parts = new ArrayList<>();
            spans.forEach((task, span) -> parts.add(String.format("%s %.2f-%.2f s", task, span[0] / 1e9, span[1] / 1e9)));
            return String.join(", ", parts);
        }
    }

    /** The benchmark database has no migrations; the engine needs one subsystem to be configured. */
    private static final class EmptySource implements MigrationSource {
        @Override
        public String location() {
            return "none";
        }

        @Override
        public List<SourceFile> files() {
            return List.of();
        }
    }
}
