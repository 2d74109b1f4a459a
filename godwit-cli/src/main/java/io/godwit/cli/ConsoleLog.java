package io.godwit.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Whether the engine's log lines reach stderr. On a terminal each migration is already a line of
 * the command's output, so the log (which says the same with a time) stays quiet unless
 * {@code --verbose}; when stderr is a file, a pipe or CI, the log goes there as before, for the
 * record. Set before the first logger exists: slf4j-simple reads its levels once.
 */
final class ConsoleLog {
    static final String LEVEL_PROPERTY = "org.slf4j.simpleLogger.log.io.godwit";

    private ConsoleLog() {
    }

    static void configure(String[] args) {
        if (System.getProperty(LEVEL_PROPERTY) == null && stderrIsTerminal() && !Arrays.asList(args).contains("--verbose")) {
            System.setProperty(LEVEL_PROPERTY, "warn");
        }
    }

    /** Linux tells through /proc; elsewhere a console (stdin and stdout a terminal) is taken to mean stderr is one too. */
    static boolean stderrIsTerminal() {
        Path fd = Path.of("/proc/self/fd/2");
        if (Files.exists(fd)) {
            try {
                String target = Files.readSymbolicLink(fd).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
            } catch (IOException | UnsupportedOperationException e) {
                return false;
            }
        }
        return System.console() != null;
    }
}
