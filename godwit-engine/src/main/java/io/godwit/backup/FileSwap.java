package io.godwit.backup;

import io.godwit.spi.ExclusiveHold;
import io.godwit.spi.RestoreCapable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Puts a prepared file in place of a database file with the database held to itself: the old file
 * is kept under a new name first (a hard link costs nothing and copies nothing), then the new one
 * is renamed over it. The path always names a whole database, old or new; there is no moment
 * without one, which a waiting application would otherwise create empty.
 */
final class FileSwap {
    private FileSwap() {
    }

    /** @return false when there was no database to replace, so nothing was kept */
    static boolean swap(RestoreCapable restorable, Path prepared, Path keepAs, Duration wait) throws IOException, SQLException {
        Path file = restorable.file();
        try (ExclusiveHold hold = restorable.holdExclusively(wait)) {
            if (!Files.exists(file)) {
                DurableFiles.moveAtomically(prepared, file);
                return false;
            }
            keep(file, keepAs);
            DurableFiles.moveAtomically(prepared, file);
            return true;
        }
    }

    private static void keep(Path file, Path keepAs) throws IOException {
        Files.createDirectories(keepAs.getParent());
        try {
            Files.createLink(keepAs, file);
        } catch (UnsupportedOperationException | IOException e) {
            Files.copy(file, keepAs, StandardCopyOption.COPY_ATTRIBUTES);
            DurableFiles.fsync(keepAs);
        }
        DurableFiles.fsyncFolder(keepAs.getParent());
    }
}
