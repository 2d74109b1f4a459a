package io.godwit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What one run did: the migrations it applied, in order (empty when the database was current),
 * how long the whole run took, and the backup taken before it, if any.
 */
public record MigrateResult(List<AppliedMigration> applied, Duration duration, Path backup) {
    public MigrateResult {
        applied = List.copyOf(applied);
    }

    public Optional<Path> backupFile() {
        return Optional.ofNullable(backup);
    }
}
