package io.godwit.cli;

import io.godwit.RepairResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

import java.io.PrintWriter;

/**
 * {@code godwit repair --accept DIR/VERSION --reason TEXT}: accepts a deliberately edited file of
 * an applied migration, keeping the recorded hash and the reason in the history.
 */
@Command(name = "repair", mixinStandardHelpOptions = true,
        description = "Accept a deliberate edit of an applied migration's file; the old hash and the reason stay in the history.")
final class RepairCommand extends ChangingCommand {

    @Option(names = "--accept", paramLabel = "DIR/VERSION", required = true,
            description = "The applied migration whose edited file to accept, e.g. sysdb/3.")
    String accept;

    @Option(names = "--reason", paramLabel = "TEXT", required = true, description = "Why the edit is right; kept in the history.")
    String reason;

    @Override
    public Integer call() {
        int slash = accept.lastIndexOf('/');
        int version;
        try {
            version = Integer.parseInt(accept.substring(slash + 1));
        } catch (NumberFormatException e) {
            version = -1;
        }
        if (slash <= 0 || version < 1) {
            throw new ParameterException(spec.commandLine(), "--accept expects DIR/VERSION, e.g. sysdb/3, got '" + accept + "'");
        }
        RepairResult r = configure().load().repair(accept.substring(0, slash), version, reason);
        PrintWriter out = out();
        if (r.alreadyAccepted()) {
            out.println(r.subsystem() + "/" + r.filename() + " already validates: nothing was written");
        } else {
            out.println("Accepted " + r.subsystem() + "/" + r.filename() + " as edited: " + r.algorithm().label() + " "
                    + r.acceptedHash() + " beside the recorded " + r.recordedHash());
            out.println("  reason: " + r.reason().strip());
        }
        return 0;
    }
}
