package io.godwit.cli;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The bar of a backup, restore or verify: on a terminal once a task is due one, never without a terminal. */
class TaskProgressTest {
    private static final long GIB = 1L << 30;

    @Test
    void aDueTaskOnATerminalDrawsABarInMebibytes() {
        ScriptedTerminal terminal = new ScriptedTerminal(true);
        try (TaskProgress progress = new TaskProgress(terminal, Duration.ZERO)) {
            progress.progress("backup", 0, 2 * GIB);
            progress.progress("backup", GIB, 2 * GIB);
            progress.progress("backup", 2 * GIB, 2 * GIB);
            progress.progress("checksum", 0, 2 * GIB);
        }
        assertThat(terminal.drawn()).contains("Backup", "2048/2048 MiB", "Checksum");
    }

    @Test
    void withoutATerminalOrBeforeTheDelayNothingIsDrawn() {
        ScriptedTerminal script = new ScriptedTerminal(false);
        ScriptedTerminal quick = new ScriptedTerminal(true);
        try (TaskProgress a = new TaskProgress(script, Duration.ZERO); TaskProgress b = new TaskProgress(quick, Duration.ofHours(1))) {
            for (long done = 0; done <= 10; done++) {
                a.progress("restore", done * GIB, 10 * GIB);
                b.progress("restore", done * GIB, 10 * GIB);
            }
        }
        assertThat(script.drawn()).isEmpty();
        assertThat(quick.drawn()).isEmpty();
    }
}
