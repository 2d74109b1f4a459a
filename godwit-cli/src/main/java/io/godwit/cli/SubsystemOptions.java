package io.godwit.cli;

import io.godwit.GodwitConfiguration;
import io.godwit.GodwitException;
import io.godwit.HashAlgorithm;
import io.godwit.store.BuiltinSubsystems;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Which migration histories a command checks or applies, and how, shared by every command as a
 * picocli mixin: the built-in subsystems first (sysdb, embeddings_queue, metadb) unless
 * {@code --no-builtin}, then each {@code --migrations-dir} in the order given.
 */
public final class SubsystemOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--migrations-dir", paramLabel = "NAME=PATH",
            description = "A custom subsystem: history name NAME, migration files in folder PATH."
                    + " Repeatable; applied after the built-in subsystems, in the order given.")
    List<String> migrationsDirs = new ArrayList<>();

    @Option(names = "--no-builtin", description = "Leave out the built-in subsystems (sysdb, embeddings_queue, metadb).")
    boolean noBuiltin;

    /** A string, not an enum: an unknown algorithm is the engine's bad-source error (exit 7), as documented. */
    @Option(names = "--hash", paramLabel = "ALGORITHM",
            description = "Hash of migration files: md5 (default) or sha256. Overrides GODWIT_MIGRATIONS_HASH_ALGORITHM.")
    String hash;

    @Option(names = "--lock-timeout", paramLabel = "SECONDS",
            description = "How long to wait for another migrator's lock (default: 30).")
    Long lockTimeoutSeconds;

    void applyTo(GodwitConfiguration.Builder builder) {
        if (noBuiltin && migrationsDirs.isEmpty()) {
            throw usage("--no-builtin leaves no subsystem: add at least one --migrations-dir NAME=PATH");
        }
        if (!noBuiltin) {
            builder.subsystems(BuiltinSubsystems.all());
        }
        for (String text : migrationsDirs) {
            KeyValue dir = KeyValue.parse(spec, "--migrations-dir", "NAME=PATH", text);
            try {
                builder.subsystem(dir.key(), Path.of(dir.value()));
            } catch (GodwitException e) {
                throw usage(e.getMessage()); // a bad subsystem name
            }
        }
        if (hash != null) {
            builder.hashAlgorithm(HashAlgorithm.parse(hash));
        }
        if (lockTimeoutSeconds != null) {
            if (lockTimeoutSeconds <= 0) {
                throw usage("--lock-timeout must be a positive number of seconds, got " + lockTimeoutSeconds);
            }
            builder.lockTimeout(Duration.ofSeconds(lockTimeoutSeconds));
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
