package io.godwit.backup;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A finished restore.
 *
 * @param replacedKeptAs where the database the restore replaced is kept (a backup of kind
 *                       {@code before-restore}, with its manifest); null when there was none
 */
public record RestoreResult(Path database, Path restoredFrom, Path replacedKeptAs, BackupManifest restored) {

    public Optional<Path> replaced() {
        return Optional.ofNullable(replacedKeptAs);
    }
}
