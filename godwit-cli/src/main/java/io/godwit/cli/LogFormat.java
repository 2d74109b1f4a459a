package io.godwit.cli;

import java.util.Locale;
import java.util.Map;

/**
 * How the command's log lines look on stderr: {@code plain} (the default: time, level, message, by
 * slf4j-simple) or {@code json} (one JSON object a line, by logback and logstash-logback-encoder, for
 * log shippers: {@code time}, {@code level}, {@code logger}, {@code message}, and the fields the line
 * carries: {@code subsystem}, {@code version}, {@code duration_ms}, {@code collection},
 * {@code request_id}). Chosen by {@code --log-format} or {@code GODWIT_LOG_FORMAT}, before the first
 * logger exists: both SLF4J providers are in the jar, and the {@code slf4j.provider} property names the
 * one to use, so SLF4J never sees two and never warns.
 */
enum LogFormat {
    plain, json;

    static final String OPTION = "--log-format";
    static final String VARIABLE = "GODWIT_LOG_FORMAT";
    static final String SIMPLE_PROVIDER = "org.slf4j.simple.SimpleServiceProvider";
    static final String LOGBACK_PROVIDER = "ch.qos.logback.classic.spi.LogbackServiceProvider";
    /** The logback configuration of the json format, a resource of this jar. */
    static final String JSON_CONFIGURATION = "io/godwit/cli/logback-json.xml";

    /** The format the arguments (else the environment) ask for; anything unknown is left to picocli to refuse. */
    static LogFormat of(String[] args, Map<String, String> env) {
        String value = env.get(VARIABLE);
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals(OPTION) && i + 1 < args.length) {
                value = args[i + 1];
            } else if (args[i].startsWith(OPTION + "=")) {
                value = args[i].substring(OPTION.length() + 1);
            }
        }
        return value != null && value.trim().toLowerCase(Locale.ROOT).equals("json") ? json : plain;
    }

    /** Selects the provider (unless the JVM was started with one) and quiets SLF4J's own "loading provider" line. */
    void install() {
        setDefault("slf4j.internal.verbosity", "WARN");
        if (this == json) {
            setDefault("slf4j.provider", LOGBACK_PROVIDER);
            setDefault("logback.configurationFile", JSON_CONFIGURATION);
        } else {
            setDefault("slf4j.provider", SIMPLE_PROVIDER);
        }
    }

    private static void setDefault(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }
}
