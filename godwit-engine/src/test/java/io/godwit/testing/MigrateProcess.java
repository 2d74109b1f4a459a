package io.godwit.testing;

import io.godwit.Godwit;
import io.godwit.GodwitConfiguration;
import io.godwit.GodwitException;
import io.godwit.MigrateResult;

import java.nio.file.Path;
import java.time.Duration;

/**
 * A migrator in its own JVM, for concurrency and crash tests.
 * Arguments: {@code sqlite:FILE} or {@code postgresql:URL|USER|PASSWORD[|SCHEMA]}, then {@code NAME=FOLDER}
 * pairs. Prints {@code APPLIED <n>} and exits 0, or prints the error and exits with its code.
 */
public final class MigrateProcess {
    public static void main(String[] args) {
        try {
            GodwitConfiguration.Builder builder = Godwit.configure().lockTimeout(Duration.ofSeconds(120));
            String target = args[0];
            if (target.startsWith("sqlite:")) {
                builder.sqlite(Path.of(target.substring("sqlite:".length())));
            } else {
                String[] pg = target.substring("postgresql:".length()).split("\\|", -1);
                builder.url(pg[0]).user(pg[1]).password(pg[2]).schema(pg.length > 3 ? pg[3] : null);
            }
            for (int i = 1; i < args.length; i++) {
                String[] pair = args[i].split("=", 2);
                builder.subsystem(pair[0], Path.of(pair[1]));
            }
            MigrateResult result = builder.load().migrate();
            System.out.println("APPLIED " + result.applied().size());
            System.exit(0);
        } catch (GodwitException e) {
            System.out.println("ERROR " + e.getClass().getSimpleName() + ": " + e.getMessage());
            System.exit(e.exitCode());
        }
    }
}
