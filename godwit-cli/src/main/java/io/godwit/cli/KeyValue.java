package io.godwit.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** An option value of the form {@code KEY=VALUE}, such as {@code --migrations-dir NAME=PATH}. */
record KeyValue(String key, String value) {

    /** Splits at the first '='; both sides must be non-empty, else a usage error naming the option. */
    static KeyValue parse(CommandSpec spec, String option, String form, String text) {
        int eq = text.indexOf('=');
        if (eq <= 0 || eq == text.length() - 1) {
            throw new ParameterException(spec.commandLine(), option + " expects " + form + ", got '" + text + "'");
        }
        return new KeyValue(text.substring(0, eq), text.substring(eq + 1));
    }
}
