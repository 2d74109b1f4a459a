package io.godwit.backup;

import io.godwit.ProgressListener;

/** Passes progress on at most about once per percent, so a listener is not called per chunk of a huge file. */
final class ProgressTicker {
    private final ProgressListener listener;
    private final String task;
    private final long total;
    private final long step;
    private long next;

    ProgressTicker(ProgressListener listener, String task, long total) {
        this.listener = listener;
        this.task = task;
        this.total = total;
        this.step = Math.max(1, total / 100);
        listener.progress(task, 0, total);
        this.next = step;
    }

    void at(long done) {
        if (done >= next && done < total) {
            listener.progress(task, done, total);
            next = done + step;
        }
    }

    void finish(long done) {
        listener.progress(task, done, Math.max(done, total));
    }
}
