package io.godwit.backup;

import java.nio.file.Path;

/** A finished backup: the file and what its manifest says about it. */
public record Backup(Path file, BackupManifest manifest) {

    public Path manifestFile() {
        return BackupManifest.pathOf(file);
    }
}
