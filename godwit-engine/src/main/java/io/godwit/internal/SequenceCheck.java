package io.godwit.internal;

import io.godwit.DatabaseAheadError;
import io.godwit.HashAlgorithm;
import io.godwit.HistoryEntry;
import io.godwit.InconsistentHashError;
import io.godwit.InconsistentVersionError;

import java.util.List;

/**
 * Compares one subsystem's applied migrations with its files, position by position, as Chroma
 * does, and refuses a database that has applied more than the code knows.
 */
public final class SequenceCheck {
    private SequenceCheck() {
    }

    /** The migrations still to apply, after the applied ones were found consistent. */
    public static List<Migration> pending(String subsystem, List<HistoryEntry> applied,
                                          List<Migration> source, HashAlgorithm algorithm) {
        int common = Math.min(applied.size(), source.size());
        for (int i = 0; i < common; i++) {
            HistoryEntry row = applied.get(i);
            Migration file = source.get(i);
            if (row.version() != file.version()) {
                throw new InconsistentVersionError(subsystem, row.version(), file.version());
            }
            if (!row.matches(file.hash())) {
                throw new InconsistentHashError(subsystem, row.version(), file.filename(), row.hash(),
                        file.hash(), hint(row, algorithm));
            }
        }
        if (applied.size() > source.size()) {
            HistoryEntry newest = applied.get(applied.size() - 1);
            int known = source.isEmpty() ? 0 : source.get(source.size() - 1).version();
            throw new DatabaseAheadError(subsystem, newest.version(), newest.filename(), known, newest.godwitVersion());
        }
        return source.subList(applied.size(), source.size());
    }

    private static String hint(HistoryEntry row, HashAlgorithm configured) {
        String recorded = row.hashAlgorithm();
        if (recorded != null && !recorded.equals(configured.label())) {
            return "The history is hashed with " + recorded + " but " + configured.label()
                    + " is configured: run with --hash " + recorded + ", or move the history with `godwit rehash --to "
                    + configured.label() + "`.";
        }
        if (!configured.produced(row.hash())) {
            return "The recorded hash is not a " + configured.label() + " hash: the history was written with another"
                    + " hash algorithm; run with the other --hash, or move it with `godwit rehash`.";
        }
        return "Restore the original file, or restore the database from a backup; if the edit was deliberate,"
                + " accept it with `godwit repair --accept " + row.dir() + "/" + row.version() + " --reason TEXT`.";
    }
}
