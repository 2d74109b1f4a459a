package io.godwit.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Standard error on a terminal while a progress bar may be drawn on it: each line written here
 * first erases the terminal's current line ({@code CR}, {@code ESC [K}), so that a log line
 * replaces the bar's last frame instead of being glued to its end; the bar draws itself again
 * on the next line at its next refresh. Used only on a terminal, never when output is captured.
 */
final class LineClearingStream extends FilterOutputStream {
    private static final byte[] CLEAR_LINE = {'\r', 27, '[', 'K'};

    private boolean atLineStart = true;

    LineClearingStream(OutputStream terminal) {
        super(terminal);
    }

    @Override
    public synchronized void write(int b) throws IOException {
        if (atLineStart) {
            out.write(CLEAR_LINE);
        }
        out.write(b);
        atLineStart = b == '\n';
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        int start = off;
        for (int i = off; i < off + len; i++) {
            if (atLineStart) {
                out.write(b, start, i - start);
                out.write(CLEAR_LINE);
                start = i;
            }
            atLineStart = b[i] == '\n';
        }
        out.write(b, start, off + len - start);
    }
}
