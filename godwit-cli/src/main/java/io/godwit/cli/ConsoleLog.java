package io.godwit.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Whether the engine's log lines reach stderr. On a terminal each migration is already a line of
 * the command's output, so the log (which says the same with a time) stays quiet unless
 * {@code --verbose}; when stderr is a file, a pipe or CI, the log goes there as before, for the
 * record. Set before the first logger exists: slf4j-simple reads its levels once.
 */
final class ConsoleLog {
    /** The engine's packages, whose INFO lines repeat what the commands print; a server's own log is not among them. */
    static final List<String> ENGINE_LOGGERS = List.of("io.godwit.internal", "io.godwit.backup", "io.godwit.dialect");

    private ConsoleLog() {
    }

    static void configure(String[] args) {
        if (stderrIsTerminal() && !Arrays.asList(args).contains("--verbose")) {
            for (String logger : ENGINE_LOGGERS) {
                String property = "org.slf4j.simpleLogger.log." + logger;
                if (System.getProperty(property) == null) {
                    System.setProperty(property, "warn");
                }
            }
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
