package io.godwit;

/**
 * How {@link Godwit#resolve} settles a {@code -- godwit:no-transaction} migration that started and
 * did not finish, which apply refuses to pass.
 */
public enum Resolution {
    /**
     * Forget the attempt: the next apply runs the file again from its first statement. Make it
     * re-runnable first ({@code IF NOT EXISTS}, or undo by hand what the attempt did).
     */
    RETRY,
    /**
     * The operator finished its work by hand: record it as applied, with the file's current text
     * and hash, and a note saying so.
     */
    MARK_APPLIED
}
