package io.godwit.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Cuts the text of a migration script into the statements it holds.
 *
 * <p><b>Why.</b> A JDBC driver runs one statement per call, and when a migration fails the
 * operator needs to be told which statement and which line failed. Cutting at every semicolon
 * would break strings, comments, triggers and function bodies, so the engine cuts scripts itself,
 * with the lexical rules of the database the script is written for.
 *
 * <p><b>Contract.</b>
 * <ul>
 *   <li>A statement ends at a semicolon at top level: not inside a string, a quoted identifier, a
 *       comment or a dollar-quoted body, nor inside a block whose inner semicolons belong to it
 *       (below). The end of the script ends the last statement, semicolon or not.
 *   <li>A statement that holds nothing but whitespace and comments ({@code ;;}, a trailing
 *       comment) is dropped and not counted.
 *   <li>{@link SqlStatement#number()} counts the statements kept, from 1.
 *       {@link SqlStatement#line()} is the 1-based line of the statement's first character that
 *       is neither whitespace nor inside a comment. Lines are counted at {@code \n}; {@code \r}
 *       is whitespace, so CRLF scripts number their lines like LF ones.
 *   <li>{@link SqlStatement#sql()} runs from that first character to the end of the statement's
 *       last token, so it has no terminating semicolon and no leading or trailing whitespace or
 *       comments (a trailing {@code --} comment would swallow anything appended to the text);
 *       comments between its tokens are kept as written.
 *   <li>Keywords are matched case-insensitively, as whole words, outside strings, comments and
 *       quoted identifiers; {@code begin_at} or {@code 'END'} is no keyword.
 *   <li>The splitter never throws on malformed SQL and never hides text the database would
 *       reject: an unterminated string, quoted identifier or dollar quote runs to the end of the
 *       script and stays in the last statement, for the database to report. An unterminated
 *       block comment is a comment to the end of the script for SQLite, which accepts it as one,
 *       and stays in the last statement for PostgreSQL, which rejects it.
 *   <li>A byte order mark at the very start is skipped.
 * </ul>
 *
 * <p><b>{@link Flavor#SQLITE}.</b> Strings {@code '...'} ({@code ''} escapes a quote);
 * identifiers {@code "..."} ({@code ""}), {@code `...`} ({@code ``}) and {@code [...]};
 * comments {@code --} to the end of the line and <code>/* ... *&#47;</code>, which do not nest. In a
 * statement opening with {@code CREATE [TEMP|TEMPORARY] TRIGGER}, once {@code BEGIN} is seen the
 * statement ends only at a semicolon that follows {@code ; END} (whitespace and comments
 * between them aside): the rule of SQLite's own {@code sqlite3_complete()}. Every statement of a
 * trigger body ends with a semicolon and none starts with {@code END}, so neither a
 * {@code CASE ... END} in the body nor a column named {@code end} (a legal name in SQLite) can
 * end the trigger. Before {@code BEGIN}, a semicolon ends the statement as usual.
 *
 * <p><b>{@link Flavor#POSTGRESQL}.</b> As for SQLite, except: no backquoted or bracketed
 * identifiers; block comments nest; {@code E'...'} strings, in which a backslash escapes the next
 * character (and which, as in PostgreSQL, continue into a next {@code '...'} separated from them
 * only by whitespace holding a newline and {@code --} comments); dollar quotes {@code $$...$$}
 * and {@code $tag$...$tag$},
 * with a tag of identifier characters that closes only on the same tag ({@code $1} is a
 * parameter, {@code a$b} an identifier). Standard-conforming strings are assumed, so a backslash
 * means nothing in {@code '...'} and {@code U&'...'}. As in {@code psql}, a semicolon inside
 * parentheses does not end the statement (as in {@code CREATE RULE ... DO (...; ...)}), nor does
 * one inside the SQL-standard body {@code BEGIN ATOMIC ... END} of a
 * {@code CREATE [OR REPLACE] FUNCTION|PROCEDURE}, in which each {@code CASE} opens a level that
 * an {@code END} closes. {@code psql} meta-commands and {@code COPY ... FROM STDIN}
 * data are not SQL and are not understood.
 *
 * <p>The splitter reads each character once or twice (keywords are compared in place, without
 * regular expressions or per-token strings), so its cost is linear in the script's length.
 */
public final class SqlScriptSplitter {

    /** The lexical rules a script follows. */
    public enum Flavor {
        /** SQLite's rules. */
        SQLITE,
        /** PostgreSQL's rules. */
        POSTGRESQL
    }

    private SqlScriptSplitter() {
    }

    /**
     * Splits {@code script} into its statements.
     *
     * @param script the text of a migration script
     * @param flavor the rules of the database the script is written for
     * @return the statements, in order, numbered from 1; empty if the script holds none
     */
    public static List<SqlStatement> split(String script, Flavor flavor) {
        Objects.requireNonNull(script, "script");
        Objects.requireNonNull(flavor, "flavor");
        return new Scan(script, flavor == Flavor.POSTGRESQL).run();
    }

    /** One pass over one script. */
    private static final class Scan {
        // Token kinds handed to the block trackers. Semicolons that end statements never reach them.
        private static final int OTHER = 0;
        private static final int WORD = 1;
        private static final int SEMICOLON = 2;
        private static final int OPEN = 3;
        private static final int CLOSE = 4;
        private static final int CREATE = 5;
        private static final int TEMP = 6;
        private static final int TRIGGER = 7;
        private static final int BEGIN = 8;
        private static final int END = 9;
        private static final int CASE = 10;
        private static final int ATOMIC = 11;
        private static final int OR = 12;
        private static final int REPLACE = 13;
        private static final int ROUTINE = 14; // FUNCTION or PROCEDURE

        // Where a SQLite statement stands, after sqlite3_complete().
        private static final int START = 0;       // no token yet
        private static final int AFTER_CREATE = 1; // CREATE [TEMP|TEMPORARY]
        private static final int PLAIN = 2;       // ends at the next semicolon
        private static final int TRIGGER_HEAD = 3; // CREATE TRIGGER, no BEGIN yet: a semicolon still ends it
        private static final int BODY = 4;        // after BEGIN
        private static final int BODY_SEMI = 5;   // after a semicolon in the body
        private static final int BODY_END = 6;    // after "; END": a semicolon now ends the trigger

        private final String s;
        private final int n;
        private final boolean pg;
        private final List<SqlStatement> out = new ArrayList<>();

        /** First significant character of the statement being read, or -1 before it. */
        private int start = -1;
        /** End (exclusive) of the statement's last significant token. */
        private int end;
        private int startLine;

        /** Lines are counted lazily, up to each statement's start; starts only move forward. */
        private int lineCursor;
        private int line = 1;

        private int sqliteState = START;
        /** PostgreSQL: progress through a leading CREATE [OR REPLACE] FUNCTION|PROCEDURE; 4 matched, -1 failed. */
        private int routineHead;
        private int parens;
        private int atomicDepth;
        private boolean afterBegin;

        Scan(String s, boolean pg) {
            this.s = s;
            this.n = s.length();
            this.pg = pg;
        }

        List<SqlStatement> run() {
            int i = n > 0 && s.charAt(0) == '\uFEFF' ? 1 : 0;
            while (i < n) {
                char c = s.charAt(i);
                switch (c) {
                    case ' ', '\t', '\n', '\r', '\f', '\u000B' -> i++;
                    case ';' -> {
                        semicolon(i);
                        i++;
                    }
                    case '-' -> i = peek(i + 1) == '-' ? lineCommentEnd(i + 2) : token(i, i + 1, OTHER);
                    case '/' -> i = peek(i + 1) == '*' ? blockComment(i) : token(i, i + 1, OTHER);
                    case '\'' -> i = token(i, quotedEnd(i, '\''), OTHER);
                    case '"' -> i = token(i, quotedEnd(i, '"'), OTHER);
                    case '`' -> i = pg ? token(i, i + 1, OTHER) : token(i, quotedEnd(i, '`'), OTHER);
                    case '[' -> i = pg ? token(i, i + 1, OTHER) : token(i, bracketEnd(i), OTHER);
                    case '(' -> i = token(i, i + 1, OPEN);
                    case ')' -> i = token(i, i + 1, CLOSE);
                    case '$' -> i = pg ? token(i, dollarEnd(i), OTHER) : word(i);
                    default -> i = isIdentChar(c) ? word(i) : token(i, i + 1, OTHER);
                }
            }
            emit();
            return out;
        }

        private char peek(int i) {
            return i < n ? s.charAt(i) : '\0';
        }

        /** A significant token: it starts the statement if none is started, and extends it. */
        private int token(int from, int to, int kind) {
            if (start < 0) {
                start = from;
                startLine = lineAt(from);
            }
            end = to;
            if (pg) {
                trackPostgres(kind);
            } else {
                trackSqlite(kind);
            }
            return to;
        }

        private void semicolon(int i) {
            boolean ends = pg
                    ? parens == 0 && atomicDepth == 0
                    : sqliteState != BODY && sqliteState != BODY_SEMI;
            if (ends) {
                emit();
            } else {
                token(i, i + 1, SEMICOLON);
            }
        }

        private void emit() {
            if (start >= 0) {
                out.add(new SqlStatement(out.size() + 1, startLine, s.substring(start, end)));
            }
            start = -1;
            sqliteState = START;
            routineHead = 0;
            parens = 0;
            atomicDepth = 0;
            afterBegin = false;
        }

        private int lineAt(int pos) {
            for (; lineCursor < pos; lineCursor++) {
                if (s.charAt(lineCursor) == '\n') {
                    line++;
                }
            }
            return line;
        }

        private void trackSqlite(int kind) {
            switch (sqliteState) {
                case START -> sqliteState = kind == CREATE ? AFTER_CREATE : PLAIN;
                case AFTER_CREATE -> sqliteState = kind == TEMP ? AFTER_CREATE : kind == TRIGGER ? TRIGGER_HEAD : PLAIN;
                case TRIGGER_HEAD -> sqliteState = kind == BEGIN ? BODY : TRIGGER_HEAD;
                case BODY -> sqliteState = kind == SEMICOLON ? BODY_SEMI : BODY;
                case BODY_SEMI -> sqliteState = kind == END ? BODY_END : kind == SEMICOLON ? BODY_SEMI : BODY;
                case BODY_END -> sqliteState = BODY;
                default -> {
                    // PLAIN: nothing to track.
                }
            }
        }

        private void trackPostgres(int kind) {
            if (routineHead >= 0 && !isRoutine()) {
                routineHead = switch (routineHead) {
                    case 0 -> kind == CREATE ? 1 : -1;
                    case 1 -> kind == OR ? 2 : kind == ROUTINE ? 4 : -1;
                    case 2 -> kind == REPLACE ? 3 : -1;
                    default -> kind == ROUTINE ? 4 : -1;
                };
            }
            if (afterBegin) {
                afterBegin = false;
                if (kind == ATOMIC && isRoutine()) {
                    atomicDepth++;
                    return;
                }
            }
            if (kind == OPEN) {
                parens++;
            } else if (kind == CLOSE && parens > 0) {
                parens--;
            } else if (kind == BEGIN) {
                afterBegin = true;
            } else if (kind == CASE && atomicDepth > 0) {
                atomicDepth++;
            } else if (kind == END && atomicDepth > 0) {
                atomicDepth--;
            }
        }

        /** As psql, only CREATE [OR REPLACE] FUNCTION|PROCEDURE may have a BEGIN ATOMIC body. */
        private boolean isRoutine() {
            return routineHead == 4;
        }

        /** A run of identifier characters: a keyword, a name or a number; or an E'...' string. */
        private int word(int from) {
            int to = from + 1;
            while (to < n && isIdentChar(s.charAt(to))) {
                to++;
            }
            if (pg && to == from + 1 && (s.charAt(from) | 0x20) == 'e' && peek(to) == '\'') {
                return token(from, escapeStringEnd(to), OTHER);
            }
            return token(from, to, keyword(from, to));
        }

        private int keyword(int from, int to) {
            switch (to - from) {
                case 2:
                    return is(from, "or") ? OR : WORD;
                case 3:
                    return is(from, "end") ? END : WORD;
                case 4:
                    return is(from, "temp") ? TEMP : is(from, "case") ? CASE : WORD;
                case 5:
                    return is(from, "begin") ? BEGIN : WORD;
                case 6:
                    return is(from, "create") ? CREATE : is(from, "atomic") ? ATOMIC : WORD;
                case 7:
                    return is(from, "trigger") ? TRIGGER : is(from, "replace") ? REPLACE : WORD;
                case 8:
                    return is(from, "function") ? ROUTINE : WORD;
                case 9:
                    return is(from, "temporary") ? TEMP : is(from, "procedure") ? ROUTINE : WORD;
                default:
                    return WORD;
            }
        }

        /** ASCII case-insensitive comparison with a lower-case keyword, in place. */
        private boolean is(int from, String keyword) {
            for (int k = 0; k < keyword.length(); k++) {
                char c = s.charAt(from + k);
                if (c >= 'A' && c <= 'Z') {
                    c += 'a' - 'A';
                }
                if (c != keyword.charAt(k)) {
                    return false;
                }
            }
            return true;
        }

        /** SQLite ends a {@code --} comment at a line feed only, PostgreSQL at a carriage return too. */
        private int lineCommentEnd(int from) {
            if (!pg) {
                int nl = s.indexOf('\n', from);
                return nl < 0 ? n : nl;
            }
            int i = from;
            while (i < n && s.charAt(i) != '\n' && s.charAt(i) != '\r') {
                i++;
            }
            return i;
        }

        /** Skips a block comment opening at {@code from}; an unterminated one is handled per flavor. */
        private int blockComment(int from) {
            int to;
            if (pg) {
                to = -1;
                int depth = 1;
                int i = from + 2;
                while (i < n) {
                    char c = s.charAt(i);
                    if (c == '*' && peek(i + 1) == '/') {
                        i += 2;
                        if (--depth == 0) {
                            to = i;
                            break;
                        }
                    } else if (c == '/' && peek(i + 1) == '*') {
                        i += 2;
                        depth++;
                    } else {
                        i++;
                    }
                }
            } else {
                int close = s.indexOf("*/", from + 2);
                to = close < 0 ? -1 : close + 2;
            }
            if (to >= 0) {
                return to;
            }
            // Unterminated. SQLite reads a comment to the end of input; PostgreSQL rejects it, so
            // it must reach the database rather than vanish with a statement that holds nothing else.
            return pg ? token(from, n, OTHER) : n;
        }

        /** End of a string or identifier opening at {@code from}, where a doubled quote escapes it. */
        private int quotedEnd(int from, char quote) {
            int i = from + 1;
            while (true) {
                int q = s.indexOf(quote, i);
                if (q < 0) {
                    return n;
                }
                if (peek(q + 1) != quote) {
                    return q + 1;
                }
                i = q + 2;
            }
        }

        private int bracketEnd(int from) {
            int close = s.indexOf(']', from + 1);
            return close < 0 ? n : close + 1;
        }

        /** End of the body of an E'...' string whose quote is at {@code quote}. */
        private int escapeStringEnd(int quote) {
            int i = quote + 1;
            while (i < n) {
                char c = s.charAt(i);
                if (c == '\\') {
                    i += 2;
                } else if (c != '\'') {
                    i++;
                } else if (peek(i + 1) == '\'') {
                    i += 2;
                } else {
                    int next = continuation(i + 1);
                    if (next < 0) {
                        return i + 1;
                    }
                    i = next + 1;
                }
            }
            return n;
        }

        /**
         * PostgreSQL continues a string into the next quoted segment when only whitespace holding
         * a newline, and {@code --} comments, separate them. Returns that segment's opening quote,
         * or -1.
         */
        private int continuation(int from) {
            boolean newline = false;
            int i = from;
            while (i < n) {
                char c = s.charAt(i);
                if (c == '\n' || c == '\r') {
                    newline = true;
                    i++;
                } else if (c == ' ' || c == '\t' || c == '\f' || c == '\u000B') {
                    i++;
                } else if (c == '-' && peek(i + 1) == '-') {
                    while (i < n && s.charAt(i) != '\n' && s.charAt(i) != '\r') {
                        i++;
                    }
                } else {
                    return newline && c == '\'' ? i : -1;
                }
            }
            return -1;
        }

        /** End of a dollar-quoted string opening at {@code from}, or {@code from + 1} for a lone {@code $}. */
        private int dollarEnd(int from) {
            int i = from + 1;
            if (i < n && isTagStart(s.charAt(i))) {
                do {
                    i++;
                } while (i < n && (isTagStart(s.charAt(i)) || isDigit(s.charAt(i))));
            }
            if (i >= n || s.charAt(i) != '$') {
                return from + 1; // $1, or a $ that opens nothing
            }
            String delimiter = s.substring(from, i + 1);
            int close = s.indexOf(delimiter, i + 1);
            return close < 0 ? n : close + delimiter.length();
        }

        private static boolean isDigit(char c) {
            return c >= '0' && c <= '9';
        }

        private static boolean isTagStart(char c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
        }

        /** Both databases take {@code $} and every non-ASCII character as identifier characters. */
        private static boolean isIdentChar(char c) {
            return isTagStart(c) || isDigit(c) || c == '$';
        }
    }
}
