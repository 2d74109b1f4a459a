package io.godwit.internal;

import io.godwit.GodwitConfiguration;
import io.godwit.GodwitException;
import io.godwit.HashAlgorithm;
import io.godwit.RepairResult;
import io.godwit.spi.Database;

import java.util.HashSet;
import java.util.Set;

/**
 * {@code godwit repair}: for a migration file edited on purpose after it was applied (Chroma once
 * shipped such a fix, and every existing database failed with an inconsistent hash). The file's
 * new hash is accepted beside the recorded one, which stays, as does the applied SQL; the reason
 * goes into the row's note. From then on both texts validate, and any other text still fails.
 */
public final class Repairer {
    private final GodwitConfiguration config;
    private final Database db;

    public Repairer(GodwitConfiguration config) {
        this.config = config;
        this.db = config.database();
    }

    public RepairResult repair(String subsystem, int version, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new GodwitException("Say why the edit of " + subsystem + "/" + version
                    + " is accepted (--reason TEXT): the reason is kept in the history");
        }
        Migration file = fileOf(subsystem, version);
        return LockedEdit.run(config, "repair", (c, rows) -> {
            StoredHistory.Row row = rows.stream().filter(r -> r.dir().equals(subsystem) && r.version() == version)
                    .findFirst().orElseThrow(() -> new GodwitException("Migration " + file.path() + " is not applied to "
                            + db.describe() + ": repair accepts edits of applied migrations only; migrate applies it as it is."));
            HashAlgorithm algorithm = row.algorithm(config.hashAlgorithm());
            String newHash = algorithm.hash(file.text());
            if (row.accepts(newHash)) {
                return new RepairResult(subsystem, version, file.filename(), algorithm, row.hash(), newHash, reason, true);
            }
            Set<String> accepted = new HashSet<>(row.acceptedHashes());
            accepted.add(newHash);
            SideRows.ensureTable(db, c);
            SideRows.update(db, c, row, algorithm.label(), accepted, SideRows.appendNote(row.note(),
                    "repair: accepted " + algorithm.label() + " " + newHash + " for " + file.filename()
                    + " beside the recorded " + row.hash() + ": " + reason.strip()));
            return new RepairResult(subsystem, version, file.filename(), algorithm, row.hash(), newHash, reason, false);
        });
    }

    private Migration fileOf(String subsystem, int version) {
        SourceCatalog catalog = SourceCatalog.load(config.subsystems(), db.scope(), config.hashAlgorithm());
        if (!catalog.contains(subsystem)) {
            throw new GodwitException("Unknown subsystem '" + subsystem + "': configured are " + catalog.subsystems());
        }
        return catalog.migrations(subsystem).stream().filter(m -> m.version() == version).findFirst()
                .orElseThrow(() -> new GodwitException("Subsystem " + subsystem + " has no migration file of version "
                        + version + ": repair accepts the text of an existing file"));
    }
}
