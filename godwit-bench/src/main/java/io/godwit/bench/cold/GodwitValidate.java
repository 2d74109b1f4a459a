package io.godwit.bench.cold;

import io.godwit.Godwit;
import io.godwit.GodwitConfiguration;
import io.godwit.MigrationMode;

import java.nio.file.Path;

/**
 * The smallest program that opens a database with Godwit and validates it, for cold starts.
 * Arguments: {@code URL USER PASSWORD NAME=FOLDER...}; exits non-zero when not current.
 */
public final class GodwitValidate {
    private GodwitValidate() {
    }

    public static void main(String[] args) {
        GodwitConfiguration.Builder b = Godwit.configure().url(args[0]);
        if (args[0].startsWith("jdbc:postgresql:")) {
            b.user(args[1]).password(args[2]).schema("public");
        }
        for (int i = 3; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            b.subsystem(kv[0], Path.of(kv[1]));
        }
        b.mode(MigrationMode.VALIDATE).load().migrate();
    }
}
