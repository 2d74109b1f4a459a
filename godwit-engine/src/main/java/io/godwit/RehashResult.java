package io.godwit;

/**
 * What {@code rehash} rewrote.
 *
 * @param rows                  history rows rewritten
 * @param droppedAcceptedHashes hashes accepted for earlier edits whose text is gone, so that they
 *                              cannot be carried to the new algorithm (recorded in each row's note)
 */
public record RehashResult(String database, HashAlgorithm to, int rows, int droppedAcceptedHashes) {
}
