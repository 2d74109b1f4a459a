package io.godwit.bench;

import java.util.Locale;

/** The two databases every workload runs on. The scope is Godwit's file-name suffix. */
public enum Dialect {
    SQLITE("sqlite"),
    POSTGRESQL("postgresql");

    private final String scope;

    Dialect(String scope) {
        this.scope = scope;
    }

    public String scope() {
        return scope;
    }

    public static Dialect parse(String text) {
        return valueOf(text.toUpperCase(Locale.ROOT));
    }
}
