package io.godwit.internal;

import io.godwit.HashAlgorithm;

/**
 * The algorithm a history row's hash was taken with: the one Godwit recorded beside it; for a row
 * another tool wrote, the one whose hash length it has; failing both, the configured one.
 */
public final class RowAlgorithm {
    private RowAlgorithm() {
    }

    public static HashAlgorithm of(String recorded, String hash, HashAlgorithm configured) {
        if (recorded != null && !recorded.isBlank()) {
            return HashAlgorithm.parse(recorded);
        }
        for (HashAlgorithm a : HashAlgorithm.values()) {
            if (a.produced(hash)) {
                return a;
            }
        }
        return configured;
    }
}
