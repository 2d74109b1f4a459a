package io.godwit.cli;

import io.godwit.AppliedMigration;
import io.godwit.PlannedMigration;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The progress bar: drawn on a terminal once a run is due one, never without a terminal. */
class ProgressDisplayTest {

    @Test
    void aDueRunOnATerminalDrawsABar() {
        ScriptedTerminal terminal = new ScriptedTerminal(true);
        try (ProgressDisplay display = new ProgressDisplay(terminal, Duration.ZERO)) {
            run(display, 2);
        }

        assertThat(terminal.drawn()).contains("Migrating").contains("2/2").contains("app/00002-b.sqlite.sql");
    }

    @Test
    void withoutATerminalNothingIsDrawn() {
        ScriptedTerminal notATerminal = new ScriptedTerminal(false);
        try (ProgressDisplay display = new ProgressDisplay(notATerminal, Duration.ZERO)) {
            run(display, 2);
        }

        assertThat(notATerminal.drawn()).isEmpty();
    }

    @Test
    void aRunThatEndsBeforeTheDelayDrawsNothing() {
        ScriptedTerminal terminal = new ScriptedTerminal(true);
        try (ProgressDisplay display = new ProgressDisplay(terminal, Duration.ofHours(1))) {
            run(display, 2);
        }

        assertThat(terminal.drawn()).isEmpty();
    }

    private static void run(ProgressDisplay display, int total) {
        display.runStarting(total);
        for (int i = 1; i <= total; i++) {
            String name = String.format("%05d-%s.sqlite.sql", i, (char) ('a' + i - 1));
            display.migrationStarting(new PlannedMigration("app", i, name, "x", "SELECT 1;", false, null, null, false), i, total);
            display.migrationFinished(new AppliedMigration("app", i, name, Duration.ofMillis(1)), i, total);
        }
    }
}
