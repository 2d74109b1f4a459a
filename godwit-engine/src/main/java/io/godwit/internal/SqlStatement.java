package io.godwit.internal;

import java.util.Objects;

/**
 * One statement of a migration script, as cut out by {@link SqlScriptSplitter}.
 *
 * @param number the 1-based position of the statement in its script; statements that hold only
 *     whitespace or comments are not counted
 * @param line the 1-based line of the script on which the statement's first character that is
 *     neither blank nor part of a comment stands
 * @param sql the statement's text, from that first character to the end of its last token:
 *     without the terminating semicolon, without the comments before and after it, with the
 *     comments inside it
 */
public record SqlStatement(int number, int line, String sql) {

    /**
     * Checks that {@code sql} is present and that the number and line are 1-based.
     *
     * @param number the 1-based position of the statement in its script
     * @param line the 1-based line on which the statement starts
     * @param sql the statement's text
     */
    public SqlStatement {
        Objects.requireNonNull(sql, "sql");
        if (number < 1 || line < 1) {
            throw new IllegalArgumentException("number and line are 1-based: " + number + ", " + line);
        }
    }
}
