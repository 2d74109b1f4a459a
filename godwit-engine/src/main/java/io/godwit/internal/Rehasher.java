package io.godwit.internal;

import io.godwit.GodwitConfiguration;
import io.godwit.GodwitException;
import io.godwit.HashAlgorithm;
import io.godwit.InconsistentHashError;
import io.godwit.RehashResult;
import io.godwit.spi.Database;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code godwit rehash}: moves a history to another hash algorithm (md5 to sha256, or back).
 * Every row is checked first, under the algorithm it was written with: its file must match it and
 * its stored SQL must still hash to it. Only then is every row rewritten, in the one transaction
 * {@link LockedEdit} commits; one bad row and nothing changes.
 *
 * <p>Repeatable migrations' rows are rewritten too, so that a rehash does not make every one of
 * them look changed and run again.
 *
 * <p>The new hash is taken over the stored (applied) SQL. A row whose file was accepted by repair
 * gets the new hash of the file as it is now as its one accepted hash; hashes accepted for other
 * texts cannot be carried over, since those texts are not stored: they are dropped, and the note
 * says which.
 */
public final class Rehasher {
    private final GodwitConfiguration config;
    private final Database db;

    public Rehasher(GodwitConfiguration config) {
        this.config = config;
        this.db = config.database();
    }

    public RehashResult rehash(HashAlgorithm to) {
        SourceCatalog catalog = SourceCatalog.load(config.subsystems(), db.scope(), config.hashAlgorithm());
        return LockedEdit.run(config, "rehash", (c, rows) -> {
            if (rows.isEmpty()) {
                throw new GodwitException("There is no history in " + db.describe() + " to rehash");
            }
            List<StoredHistory.Repeatable> repeatables = StoredHistory.readRepeatables(db, c);
            for (StoredHistory.Row row : rows) {
                check(row, fileOf(catalog, row));
            }
            repeatables.forEach(this::check);
            SideRows.ensureTable(db, c);
            int dropped = 0;
            for (StoredHistory.Row row : rows) {
                dropped += rewrite(c, row, fileOf(catalog, row), to);
            }
            for (StoredHistory.Repeatable row : repeatables) {
                SideRows.setRepeatableHash(db, c, row, to.hash(HashAlgorithm.normalize(row.sql())), to.label());
            }
            return new RehashResult(db.describe(), to, rows.size() + repeatables.size(), dropped);
        });
    }

    private void check(StoredHistory.Row row, Migration file) {
        HashAlgorithm from = row.algorithm(config.hashAlgorithm());
        String fileHash = from.hash(file.text());
        if (!row.accepts(fileHash)) {
            throw new InconsistentHashError(row.dir(), row.version(), file.filename(), row.hash(), fileHash,
                    "Rehash checks every file under the history's " + from.label() + " first, and this one does not match,"
                    + " so nothing was changed. Restore the file, or accept the edit with `godwit repair --accept "
                    + row.dir() + "/" + row.version() + " --reason TEXT`, then rehash.");
        }
        if (!row.sqlMatches(from)) {
            throw new GodwitException("The history row of " + row.path() + " stores SQL that no longer hashes to its "
                    + from.label() + " hash " + row.hash() + ": the history was edited by hand (see `godwit verify`)."
                    + " Nothing was changed; restore the database from a backup.");
        }
    }

    /**
     * A repeatable migration is re-applied whenever its file changes, so its file is not compared;
     * only its stored text must still hash to its stored hash, or the new hash would vouch for a
     * text nobody applied.
     */
    private void check(StoredHistory.Repeatable row) {
        HashAlgorithm from = row.algorithm(config.hashAlgorithm());
        if (!row.sqlMatches(from)) {
            throw new GodwitException("The history row of repeatable " + row.dir() + "/" + row.filename()
                    + " stores SQL that no longer hashes to its " + from.label() + " hash " + row.hash()
                    + ": the history was edited by hand (see `godwit verify`). Nothing was changed.");
        }
    }

    /** Rewrites one row; returns how many accepted hashes it had to drop. */
    private int rewrite(Connection c, StoredHistory.Row row, Migration file, HashAlgorithm to) throws SQLException {
        HashAlgorithm from = row.algorithm(config.hashAlgorithm());
        String newHash = to.hash(HashAlgorithm.normalize(row.sql()));
        String fileHash = to.hash(file.text());
        Set<String> accepted = fileHash.equals(newHash) ? Set.of() : Set.of(fileHash);
        Set<String> dropped = new HashSet<>(row.acceptedHashes());
        dropped.remove(from.hash(file.text()));
        String line = "rehash: " + from.label() + " " + row.hash() + " -> " + to.label() + " " + newHash
                + (dropped.isEmpty() ? "" : "; dropped accepted hashes of texts no longer present: " + String.join(" ", List.copyOf(dropped)));
        SideRows.setHash(db, c, row, newHash);
        SideRows.update(db, c, row, to.label(), accepted, SideRows.appendNote(row.note(), line));
        return dropped.size();
    }

    private Migration fileOf(SourceCatalog catalog, StoredHistory.Row row) {
        if (!catalog.contains(row.dir())) {
            throw new GodwitException("The history holds subsystem '" + row.dir() + "', which is not configured:"
                    + " rehash checks every applied file before it rewrites anything. Configure it; nothing was changed.");
        }
        return catalog.migrations(row.dir()).stream().filter(m -> m.version() == row.version()).findFirst()
                .orElseThrow(() -> new GodwitException("The history has " + row.path() + " (version " + row.version()
                        + ") but its file is gone: rehash checks every applied file first. Nothing was changed."));
    }
}
