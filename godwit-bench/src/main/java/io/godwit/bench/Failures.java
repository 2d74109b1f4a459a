package io.godwit.bench;

/** A failure told in one short line, for a table cell: the deepest cause's first line. */
public final class Failures {
    private Failures() {
    }

    public static String reason(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        String line = message.strip().lines().findFirst().orElse("").strip();
        return line.length() > 140 ? line.substring(0, 137) + "..." : line;
    }
}
