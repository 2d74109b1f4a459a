package io.godwit;

import java.time.Instant;
import java.util.Set;

/**
 * One applied migration as the database records it: Chroma's columns (dir, version, filename,
 * hash) and, where Godwit applied it, what Godwit keeps beside them.
 *
 * @param appliedAt      when it was applied; null for a history another tool wrote
 * @param durationMillis how long it took; null where unknown
 * @param acceptedHashes further hashes an operator accepted with {@code godwit repair}
 * @param godwitVersion  the Godwit release that applied it, as it recorded itself; null where unknown
 */
public record HistoryEntry(String dir, int version, String filename, String hash,
                         Instant appliedAt, Long durationMillis, String hashAlgorithm,
                         Set<String> acceptedHashes, String godwitVersion) {

    public HistoryEntry(String dir, int version, String filename, String hash, Instant appliedAt,
                        Long durationMillis, String hashAlgorithm, Set<String> acceptedHashes) {
        this(dir, version, filename, hash, appliedAt, durationMillis, hashAlgorithm, acceptedHashes, null);
    }

    /** True when the file's current hash is the recorded one or one an operator accepted. */
    public boolean matches(String sourceHash) {
        return hash.equals(sourceHash) || acceptedHashes.contains(sourceHash);
    }
}
