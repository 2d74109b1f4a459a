package io.godwit.testing;

import io.godwit.Godwit;
import io.godwit.GodwitConfiguration;
import io.godwit.GodwitException;
import io.godwit.spi.InUseHold;

import java.nio.file.Path;
import java.time.Duration;

/**
 * A client of a store in its own JVM, as an application opens one: migrates, then holds the store
 * in use until its standard input closes (or it is killed). Arguments as {@link MigrateProcess}:
 * {@code sqlite:FILE} or {@code postgresql:URL|USER|PASSWORD|SCHEMA}, then {@code NAME=FOLDER}
 * pairs. Prints {@code READY} once it holds the store, or the error and exits with its code.
 */
public final class InUseClientProcess {
    public static final String COMMAND = "in-use test client";

    public static void main(String[] args) throws Exception {
        GodwitConfiguration.Builder builder = Godwit.configure().lockTimeout(Duration.ofSeconds(2));
        if (args[0].startsWith("sqlite:")) {
            builder.sqlite(Path.of(args[0].substring("sqlite:".length())));
        } else {
            String[] pg = args[0].substring("postgresql:".length()).split("\\|", -1);
            builder.url(pg[0]).user(pg[1]).password(pg[2]).schema(pg[3]);
        }
        for (int i = 1; i < args.length; i++) {
            String[] pair = args[i].split("=", 2);
            builder.subsystem(pair[0], Path.of(pair[1]));
        }
        Godwit godwit = builder.load();
        try {
            godwit.migrate();
            try (InUseHold hold = godwit.holdInUse(COMMAND)) {
                System.out.println("READY");
                System.out.flush();
                while (System.in.read() >= 0) {
                    // in use until stdin closes
                }
            }
        } catch (GodwitException e) {
            System.out.println("ERROR " + e.getClass().getSimpleName() + ": " + e.getMessage());
            System.exit(e.exitCode());
        }
    }
}
