package io.godwit;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A process that holds a store in use, as a refusal names it: which process, on which machine,
 * running what, since when.
 *
 * @param command what the process runs, e.g. {@code godwit run --path godwit_data}, or the class a
 *                client was opened from
 */
public record InUseHolder(long pid, String host, String command, Instant since) {

    /** This process, now, running {@code command} (the JVM's main class and arguments when null). */
    public static InUseHolder self(String command) {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "unknown-host";
        }
        String what = command != null ? command : System.getProperty("sun.java.command", "java");
        return new InUseHolder(ProcessHandle.current().pid(), host, shorten(what), Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    /** {@code pid 4711 on host app-1, command `godwit run --path data`, since 2026-12-01T10:00:00Z}. */
    public String describe() {
        return "pid " + pid + " on host " + host + ", command `" + command + "`, since " + since;
    }

    private static String shorten(String text) {
        String line = text.replace('\n', ' ').strip();
        return line.length() <= 200 ? line : line.substring(0, 197) + "...";
    }
}
