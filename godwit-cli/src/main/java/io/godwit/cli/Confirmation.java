package io.godwit.cli;

import io.godwit.ConfirmationRequiredError;
import io.godwit.Plan;
import io.godwit.PlannedMigration;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * Asks the operator at a terminal to confirm the migrations marked {@code -- godwit:confirm}
 * before a run, showing each one's reason. Without a terminal nobody is asked: the engine refuses
 * the run with {@link ConfirmationRequiredError} (exit 3) unless {@code --confirm} was given.
 */
final class Confirmation {
    private final Terminal terminal;
    private final PrintWriter out;

    Confirmation(Terminal terminal, PrintWriter out) {
        this.terminal = terminal;
        this.out = out;
    }

    /**
     * True when the plan has gated migrations and the operator said yes; false when there is
     * nothing to confirm. A "no" (or no answer) throws the engine's error: nothing was applied.
     */
    boolean obtain(Plan plan) {
        List<PlannedMigration> gated = plan.migrations().stream().filter(m -> m.confirmReason() != null).toList();
        if (gated.isEmpty()) {
            return false;
        }
        for (PlannedMigration m : gated) {
            out.println("Migration " + m.subsystem() + "/" + m.filename() + " needs confirmation: " + m.confirmReason());
        }
        out.flush();
        String answer = terminal.ask("Apply " + (gated.size() == 1 ? "it" : "them") + "? [y/N] ");
        if (answer != null && List.of("y", "yes").contains(answer.strip().toLowerCase(Locale.ROOT))) {
            return true;
        }
        PlannedMigration first = gated.get(0);
        throw new ConfirmationRequiredError(first.subsystem(), first.version(), first.filename(), first.confirmReason());
    }
}
