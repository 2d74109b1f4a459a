package io.godwit.internal;

import io.godwit.EngineListener;
import io.godwit.GodwitConfiguration;
import io.godwit.GodwitException;

import java.time.Duration;

/** One run of {@code migrate} as the {@link EngineListener} is told of it: started, then finished once. */
final class RunReport {
    private static final RunReport NONE = new RunReport(null, null, 0);

    private final EngineListener events;
    private final String database;
    private final long start;

    private RunReport(EngineListener events, String database, long start) {
        this.events = events;
        this.database = database;
        this.start = start;
    }

    static RunReport start(GodwitConfiguration config, int pending) {
        if (config.events() == EngineListener.NONE) {
            return NONE;
        }
        String database = config.database().describe();
        config.events().runStarted(database, pending);
        return new RunReport(config.events(), database, System.nanoTime());
    }

    /** @param failure what stopped the run, or null; anything but the engine's own error is reported wrapped */
    void finished(int committed, Exception failure) {
        if (events == null) {
            return;
        }
        GodwitException error = failure == null || failure instanceof GodwitException ? (GodwitException) failure
                : new GodwitException(String.valueOf(failure.getMessage()), failure);
        events.runFinished(database, committed, Duration.ofNanos(System.nanoTime() - start), error);
    }
}
