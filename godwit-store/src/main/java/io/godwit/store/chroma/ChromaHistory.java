package io.godwit.store.chroma;

import io.godwit.Godwit;
import io.godwit.HistoryEntry;
import io.godwit.HistoryOrigin;
import io.godwit.StatusReport;
import io.godwit.SubsystemStatus;
import io.godwit.spi.HistoryRecognizer;
import io.godwit.store.BuiltinSubsystems;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Recognises a migration history Chroma wrote (a {@code chroma.sqlite3}) by its recorded hashes and
 * says which Chroma releases could have written it. Names alone cannot tell: Godwit's built-in
 * subsystems reuse some of Chroma's file names, with other contents. A history is Chroma's when
 * every row of {@code sysdb}, {@code embeddings_queue} and {@code metadb} bears the name of a file
 * Chroma shipped and at least one bears a hash Chroma shipped; rows with a Chroma name and an
 * unknown hash are reported as problems (a file changed after it was applied). Used by the command
 * line's checks (as a {@link HistoryRecognizer}) and by the importer.
 */
public final class ChromaHistory implements HistoryRecognizer {
    /** Chroma's subsystems, the same names as Godwit's built-in ones. */
    public static final Set<String> SUBSYSTEMS = Set.of(BuiltinSubsystems.SYSDB, BuiltinSubsystems.EMBEDDINGS_QUEUE,
            BuiltinSubsystems.METADB);
    private static final ChromaHistory INSTANCE = new ChromaHistory(ChromaMigrationTable.load());

    private final ChromaMigrationTable table;

    ChromaHistory(ChromaMigrationTable table) {
        this.table = table;
    }

    public static ChromaHistory get() {
        return INSTANCE;
    }

    /**
     * Reads the history of a SQLite file and recognises it; only reads (never creates the file).
     * Empty when the file has no history or it is not Chroma's; a file that is not a database is
     * the engine's error.
     */
    public Optional<ChromaMatch> read(Path sqliteFile) {
        StatusReport report = Godwit.configure().sqlite(sqliteFile).subsystems(BuiltinSubsystems.all())
                .recognizer(this).load().status();
        Map<String, List<HistoryEntry>> rows = new LinkedHashMap<>();
        for (SubsystemStatus s : report.subsystems()) {
            rows.put(s.name(), s.applied());
        }
        return match(rows);
    }

    /** The Chroma releases that could have written these rows, or empty when they are not Chroma's. */
    public Optional<ChromaMatch> match(Map<String, List<HistoryEntry>> applied) {
        List<HistoryEntry> rows = applied.entrySet().stream().filter(e -> SUBSYSTEMS.contains(e.getKey()))
                .flatMap(e -> e.getValue().stream()).toList();
        if (rows.isEmpty() || !rows.stream().allMatch(r -> table.knowsName(r.dir(), r.version(), r.filename()))) {
            return Optional.empty();
        }
        List<ChromaMigrationTable.ShippedFile> known = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (HistoryEntry r : rows) {
            table.find(r.dir(), r.version(), r.filename(), r.hash()).ifPresentOrElse(known::add, () -> problems.add(
                    r.dir() + "/" + r.filename() + " is recorded with hash " + r.hash() + ", which no Chroma release"
                            + " shipped: was the file changed after Chroma applied it?"));
        }
        if (known.isEmpty()) {
            return Optional.empty();
        }
        Set<String> recorded = new TreeSet<>();
        rows.forEach(r -> recorded.add(r.dir() + "/" + r.version()));
        List<String> releases = new ArrayList<>();
        boolean newest = false;
        for (int i = 0; i < table.releases().size(); i++) {
            int release = i;
            if (known.stream().allMatch(f -> f.shippedIn(release)) && table.shippedBy(release).equals(List.copyOf(recorded))) {
                releases.add(table.releases().get(i));
                newest = table.newest(i);
            }
        }
        return Optional.of(new ChromaMatch(releases, newest, problems));
    }

    @Override
    public Optional<HistoryOrigin> recognize(Map<String, List<HistoryEntry>> applied) {
        return match(applied).map(m -> new HistoryOrigin(m.range(), SUBSYSTEMS, m.problems(),
                "To use its collections with Godwit, import them into a new store: godwit import --from DIR"
                        + " --path NEW_DIR (DIR is the folder that holds chroma.sqlite3). Checks only read it."));
    }
}
