package io.godwit;

/**
 * What {@code repair} recorded for one applied migration whose file was deliberately edited.
 *
 * @param recordedHash    the hash recorded when it was applied; kept
 * @param acceptedHash    the edited file's hash, now accepted beside it
 * @param alreadyAccepted true when the file already validated and nothing was written
 */
public record RepairResult(String subsystem, int version, String filename, HashAlgorithm algorithm,
                           String recordedHash, String acceptedHash, String reason, boolean alreadyAccepted) {
}
