package io.godwit.cli;

import io.godwit.ProgressListener;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Progress of an import, told per batch of records: on a terminal a bar per collection and phase
 * (importing, verifying) with records per second and the time left; otherwise a log line at every
 * tenth, so an import in a script or CI still shows it is moving.
 */
final class RecordProgress implements ProgressListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RecordProgress.class);

    private final Terminal terminal;
    private String task;
    private int loggedTenth;
    private ProgressBar bar;

    RecordProgress(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public synchronized void progress(String task, long done, long total) {
        if (!task.equals(this.task)) {
            close();
            this.task = task;
            this.loggedTenth = -1;
        }
        if (terminal.interactive()) {
            if (bar == null) {
                bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setUnit(" records", 1)
                        .showSpeed().setStyle(ProgressBarStyle.ASCII)
                        .setConsumer(new ConsoleProgressBarConsumer(terminal.progress())).build();
            }
            bar.stepTo(done);
        } else if (total > 0) {
            int tenth = (int) (done * 10 / total);
            if (tenth > loggedTenth) {
                loggedTenth = tenth;
                LOG.info("{}: {}% ({} of {} records)", task, tenth * 10, done, total);
            }
        }
    }

    @Override
    public synchronized void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
