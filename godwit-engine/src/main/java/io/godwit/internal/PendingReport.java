package io.godwit.internal;

import io.godwit.AppliedMigration;
import io.godwit.EngineListener;
import io.godwit.GodwitConfiguration;
import io.godwit.GodwitException;
import io.godwit.SubsystemStatus;

import java.util.List;

/**
 * Tells the {@link EngineListener} how many migrations each subsystem has pending, whatever
 * {@code --only} and {@code --target} chose to apply: the number an operator graphs. Computed only
 * when a listener is set; a subsystem whose history is inconsistent is left unreported (status and
 * the run's error say what is wrong with it).
 */
final class PendingReport {
    private PendingReport() {
    }

    /** After a read of {@code history}, less what a run then {@code applied} from it. */
    static void report(GodwitConfiguration config, SourceCatalog catalog, History history, List<AppliedMigration> applied) {
        EngineListener events = config.events();
        if (events == EngineListener.NONE) {
            return;
        }
        for (String subsystem : catalog.subsystems()) {
            int pending;
            try {
                pending = SequenceCheck.pending(subsystem, history.applied(subsystem), catalog.migrations(subsystem),
                        config.hashAlgorithm()).size()
                        + PendingSelection.changedRepeatables(catalog, history, subsystem).size();
            } catch (GodwitException e) {
                continue;
            }
            long done = applied.stream().filter(m -> m.subsystem().equals(subsystem)).count();
            events.pending(subsystem, (int) Math.max(0, pending - done));
        }
    }

    /** From what {@code status} found. */
    static void report(GodwitConfiguration config, List<SubsystemStatus> statuses) {
        EngineListener events = config.events();
        if (events == EngineListener.NONE) {
            return;
        }
        for (SubsystemStatus s : statuses) {
            if (s.configured() && s.problem() == null) {
                events.pending(s.name(), s.pending().size());
            }
        }
    }
}
