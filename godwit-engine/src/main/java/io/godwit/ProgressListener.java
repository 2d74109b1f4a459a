package io.godwit;

/**
 * Told how far a long operation on a large database has got: backup and restore (in bytes) and
 * verify (in steps). The engine has no progress bar of its own; the command line draws one on a
 * terminal and logs otherwise. Called on the working thread, a few hundred times per task at most;
 * keep it quick.
 */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = (task, done, total) -> {
    };

    /**
     * @param task  what is running, e.g. {@code backup}, {@code restore}, {@code integrity check};
     *              a new task name starts a new bar
     * @param done  bytes or steps done so far, from 0 up to {@code total}
     * @param total bytes or steps in all; -1 while unknown (a pg_dump run)
     */
    void progress(String task, long done, long total);
}
