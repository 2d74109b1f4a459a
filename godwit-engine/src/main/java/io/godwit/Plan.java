package io.godwit;

import java.util.List;

/** A dry run: what {@code migrate} would apply to the database, file by file. Computing it changes nothing. */
public record Plan(String database, List<PlannedMigration> migrations) {
    public Plan {
        migrations = List.copyOf(migrations);
    }

    public boolean isEmpty() {
        return migrations.isEmpty();
    }
}
