package io.godwit.cli;

import io.godwit.ProgressListener;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Locale;

/**
 * Progress of a backup, restore or verify, told by the engine task by task: on a terminal a bar per
 * task, otherwise a log line at every tenth, so a long job in a script or CI still shows it is
 * moving. Only a task that is still running after {@link #DEFAULT_DELAY} is shown at all: a small
 * database's backup prints no bar and no lines.
 */
final class TaskProgress implements ProgressListener, AutoCloseable {
    static final Duration DEFAULT_DELAY = Duration.ofSeconds(1);
    private static final Logger LOG = LoggerFactory.getLogger(TaskProgress.class);
    private static final long MIB = 1 << 20;

    private final Terminal terminal;
    private final Duration delay;
    private String task;
    private long startNanos;
    private int loggedTenth;
    private ProgressBar bar;

    TaskProgress(Terminal terminal, Duration delay) {
        this.terminal = terminal;
        this.delay = delay;
    }

    @Override
    public synchronized void progress(String task, long done, long total) {
        if (!task.equals(this.task)) {
            endBar();
            this.task = task;
            this.startNanos = System.nanoTime();
            this.loggedTenth = -1;
        }
        if (System.nanoTime() - startNanos < delay.toNanos()) {
            return;
        }
        if (terminal.interactive()) {
            draw(done, total);
        } else if (total > 0) {
            int tenth = (int) (done * 10 / total);
            if (tenth > loggedTenth) {
                loggedTenth = tenth;
                LOG.info("{}: {}% ({})", task, tenth * 10, amount(done, total));
            }
        }
    }

    private void draw(long done, long total) {
        boolean bytes = total >= MIB || total < 0;
        if (bar == null) {
            ProgressBarBuilder builder = new ProgressBarBuilder()
                    .setTaskName(task.substring(0, 1).toUpperCase(Locale.ROOT) + task.substring(1))
                    .setInitialMax(total < 0 ? -1 : total)
                    .setStyle(ProgressBarStyle.ASCII)
                    .setConsumer(new ConsoleProgressBarConsumer(terminal.progress()));
            if (bytes) {
                builder.setUnit(" MiB", MIB);
            }
            bar = builder.build();
        }
        bar.stepTo(done);
        if (total >= 0 && done >= total) {
            endBar(); // its last frame stays; the next task gets a bar of its own
        }
    }

    private static String amount(long done, long total) {
        return total >= MIB ? done / MIB + " of " + total / MIB + " MiB" : done + " of " + total;
    }

    private void endBar() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }

    @Override
    public synchronized void close() {
        endBar();
    }
}
