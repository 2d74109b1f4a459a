package io.godwit.cli;

import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes the commands a message suggests ready to paste: every {@code `godwit COMMAND ...`} in it
 * gets the options that chose the database and the subsystems in the command the user ran
 * ({@code --path}/{@code --db}/{@code --url} and their companions, {@code --migrations-dir},
 * {@code --no-builtin}, {@code --hash}), quoted for a POSIX shell. The engine's messages name
 * commands without options, since a library user has none. A suggested command that already
 * names a database, or that makes another one ({@code import}), is left as written.
 */
final class Hints {
    private static final Set<String> CARRIED = Set.of("--path", "--db", "--url", "--user", "--password-env", "--schema",
            "--migrations-dir", "--no-builtin", "--hash");
    /** Commands whose --path names another database than the one at hand: their hints are left as written. */
    private static final Set<String> OWN_DATABASE = Set.of("import", "import-legacy");
    private static final Pattern COMMAND = Pattern.compile("`godwit ([a-z][a-z-]*)([^`]*)`");
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./=:@%+,-]+");

    private final String options;

    private Hints(String options) {
        this.options = options;
    }

    /** The options of the innermost command of {@code result}; none when it is null. */
    static Hints of(ParseResult result) {
        ParseResult r = result;
        while (r != null && r.subcommand() != null) {
            r = r.subcommand();
        }
        List<String> words = new ArrayList<>();
        if (r != null) {
            for (OptionSpec o : r.matchedOptions()) {
                if (!CARRIED.contains(o.longestName())) {
                    continue;
                }
                if (o.arity().max() == 0) {
                    words.add(o.longestName());
                } else {
                    o.originalStringValues().forEach(v -> words.add(o.longestName() + " " + quote(v)));
                }
            }
        }
        return new Hints(String.join(" ", words));
    }

    /** {@code text} with the options added after the command name of each suggested command. */
    String apply(String text) {
        if (options.isEmpty() || text == null) {
            return text;
        }
        Matcher m = COMMAND.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            boolean own = OWN_DATABASE.contains(m.group(1)) || m.group(2).matches(".*--(path|db|url)\\b.*");
            m.appendReplacement(out, Matcher.quoteReplacement(own ? m.group()
                    : "`godwit " + m.group(1) + " " + options + m.group(2) + "`"));
        }
        return m.appendTail(out).toString();
    }

    private static String quote(String value) {
        return PLAIN.matcher(value).matches() ? value : "'" + value.replace("'", "'\\''") + "'";
    }
}
