package io.godwit;

/**
 * A history row whose stored SQL no longer hashes to its stored hash (nor to a hash accepted by
 * {@code godwit repair}): the history was edited by hand.
 *
 * @param version      0 for a repeatable migration, which has none
 * @param algorithm    the algorithm the row was checked under
 * @param recordedHash the hash in the row
 * @param sqlHash      what the row's stored SQL hashes to
 */
public record HistoryProblem(String subsystem, int version, String filename, HashAlgorithm algorithm,
                             String recordedHash, String sqlHash) {

    public String describe() {
        return subsystem + "/" + filename + ": stored sql hashes to " + algorithm.label() + " " + sqlHash
                + " but the row records " + recordedHash;
    }
}
