package io.godwit.store;

import io.godwit.GodwitConfiguration;
import io.godwit.HashAlgorithm;
import io.godwit.MigrationMode;
import io.godwit.Subsystem;

import java.util.List;
import java.util.Map;

/**
 * How a client opens its database: the migration mode (apply by default: an application upgrades
 * its own store; validate in CI or read-only deployments), the hash algorithm, the environment
 * whose {@code GODWIT_MIGRATIONS*} variables may override those defaults, and custom subsystems
 * applied after the built-in ones.
 *
 * @param mode          null means the default (apply), which the environment may override
 * @param hashAlgorithm null means the default (md5), which the environment may override
 */
public record ClientSettings(MigrationMode mode, HashAlgorithm hashAlgorithm, Map<String, String> environment,
                             List<Subsystem> customSubsystems) {

    public ClientSettings {
        environment = Map.copyOf(environment);
        customSubsystems = List.copyOf(customSubsystems);
    }

    /** Apply, md5, no environment, built-in subsystems only. */
    public static ClientSettings defaults() {
        return new ClientSettings(null, null, Map.of(), List.of());
    }

    public ClientSettings withMode(MigrationMode value) {
        return new ClientSettings(value, hashAlgorithm, environment, customSubsystems);
    }

    public ClientSettings withHashAlgorithm(HashAlgorithm value) {
        return new ClientSettings(mode, value, environment, customSubsystems);
    }

    public ClientSettings withEnvironment(Map<String, String> value) {
        return new ClientSettings(mode, hashAlgorithm, value, customSubsystems);
    }

    public ClientSettings withCustomSubsystems(List<Subsystem> value) {
        return new ClientSettings(mode, hashAlgorithm, environment, value);
    }

    /** The engine configuration for these settings, on the builder's database. */
    GodwitConfiguration.Builder applyTo(GodwitConfiguration.Builder builder) {
        builder.environment(environment).subsystems(BuiltinSubsystems.all()).subsystems(customSubsystems);
        if (mode != null) {
            builder.mode(mode);
        }
        if (hashAlgorithm != null) {
            builder.hashAlgorithm(hashAlgorithm);
        }
        return builder;
    }
}
