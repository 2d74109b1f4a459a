package io.godwit.cli;

import io.godwit.AppliedMigration;
import io.godwit.MigrationListener;
import io.godwit.PlannedMigration;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A progress bar for a long run, on a terminal only. Most runs take well under a second and print
 * their lines without one; a bar appears once a run is still going after {@link #DEFAULT_DELAY}
 * (a timer, so that one long migration shows it too) and is closed with the run. Never drawn when
 * no person is watching: the redraws would only clutter a log.
 *
 * <p>The engine calls the listener on the migrating thread and the timer fires on its own, hence
 * the synchronized methods.
 */
final class ProgressDisplay implements MigrationListener, AutoCloseable {
    static final Duration DEFAULT_DELAY = Duration.ofSeconds(2);

    private final Terminal terminal;
    private final Duration delay;
    private ScheduledExecutorService timer;
    private long startNanos;
    private int total;
    private int done;
    private String current = "";
    private ProgressBar bar;
    private boolean closed;

    ProgressDisplay(Terminal terminal, Duration delay) {
        this.terminal = terminal;
        this.delay = delay;
    }

    @Override
    public synchronized void runStarting(int total) {
        if (!terminal.interactive() || closed) {
            return;
        }
        this.total = total;
        this.startNanos = System.nanoTime();
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "godwit-progress");
            t.setDaemon(true);
            return t;
        });
        timer.schedule(this::showIfDue, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void migrationStarting(PlannedMigration migration, int index, int total) {
        current = migration.subsystem() + "/" + migration.filename();
        showIfDue();
        if (bar != null) {
            bar.setExtraMessage(current);
            bar.refresh(); // at once, below the engine's "Applying" log line
        }
    }

    @Override
    public synchronized void migrationFinished(AppliedMigration migration, int index, int total) {
        done = index;
        showIfDue();
        if (bar != null) {
            bar.stepTo(done);
        }
    }

    private synchronized void showIfDue() {
        if (bar != null || closed || timer == null || System.nanoTime() - startNanos < delay.toNanos()) {
            return;
        }
        bar = new ProgressBarBuilder()
                .setTaskName("Migrating")
                .setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII)
                .setConsumer(new ConsoleProgressBarConsumer(terminal.progress()))
                .hideEta()
                .build();
        bar.stepTo(done);
        bar.setExtraMessage(current);
    }

    /** Ends the bar (its last frame stays) and the timer. Idempotent. */
    @Override
    public synchronized void close() {
        closed = true;
        if (timer != null) {
            timer.shutdownNow();
        }
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
