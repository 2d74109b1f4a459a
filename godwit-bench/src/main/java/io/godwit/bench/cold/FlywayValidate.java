package io.godwit.bench.cold;

import org.flywaydb.core.Flyway;

import java.util.Arrays;

/**
 * The smallest program that opens a database with Flyway and validates it, for cold starts.
 * Arguments: {@code URL USER PASSWORD FOLDER...}; exits non-zero when not current.
 */
public final class FlywayValidate {
    private FlywayValidate() {
    }

    public static void main(String[] args) {
        Flyway.configure()
                .dataSource(args[0], args[1], args[2])
                .locations(Arrays.stream(args, 3, args.length).map(f -> "filesystem:" + f).toArray(String[]::new))
                .load()
                .validate();
    }
}
