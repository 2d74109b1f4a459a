package io.godwit.internal;

import io.godwit.AppliedMigration;
import io.godwit.Godwit;
import io.godwit.PlannedMigration;
import io.godwit.contract.MigrationFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** An empty or comment-only migration is almost always a mistake: plan, apply and status say so. */
class EmptyMigrationTest {
    @TempDir
    Path temp;

    @Test
    void emptyAndCommentOnlyFilesAreMarkedInThePlanTheStatusAndTheResult() {
        MigrationFolder m = new MigrationFolder(temp.resolve("m"), "sqlite");
        m.add(1, "real", "CREATE TABLE a (x INTEGER);");
        m.add(2, "blank", "");
        m.add(3, "comments", "-- TODO: add the index\n/* later */\n;\n");
        Godwit godwit = Godwit.configure().sqlite(temp.resolve("g.sqlite3")).subsystem("m", m.dir()).load();

        assertThat(godwit.plan().migrations()).extracting(PlannedMigration::empty).containsExactly(false, true, true);
        assertThat(godwit.status().subsystems().get(0).pending()).extracting(PlannedMigration::empty)
                .containsExactly(false, true, true);
        assertThat(godwit.migrate().applied()).extracting(AppliedMigration::empty).containsExactly(false, true, true);
    }
}
