package io.godwit.cli;

import io.godwit.HashAlgorithm;
import io.godwit.RehashResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;

/** {@code godwit rehash --to sha256}: moves the history to another hash algorithm, all or nothing. */
@Command(name = "rehash", mixinStandardHelpOptions = true,
        description = "Move the history to another hash algorithm (md5 or sha256) after checking every file; all or nothing.")
final class RehashCommand extends ChangingCommand {

    /** A string, as --hash is: an unknown algorithm is the engine's bad-source error (exit 7). */
    @Option(names = "--to", paramLabel = "ALGORITHM", required = true, description = "sha256 or md5.")
    String to;

    @Override
    public Integer call() {
        HashAlgorithm target = HashAlgorithm.parse(to);
        RehashResult r = configure().load().rehash(target);
        PrintWriter out = out();
        out.println("Rehashed " + r.rows() + " history rows of " + r.database() + " to " + target.label());
        if (r.droppedAcceptedHashes() > 0) {
            out.println("  " + r.droppedAcceptedHashes() + " hash(es) accepted for earlier edits could not be carried over"
                    + " (their text is gone); see the rows' notes");
        }
        out.println("From now on run with --hash " + target.label() + " (or GODWIT_MIGRATIONS_HASH_ALGORITHM="
                + target.label() + ").");
        return 0;
    }
}
