package io.godwit.store.local;

import io.godwit.GodwitConfiguration;
import io.godwit.store.BuiltinSubsystems;
import io.godwit.store.Settings;
import io.godwit.store.StoreListener;

/** The migration engine's configuration for a client's settings: built-in and custom subsystems, mode, hashes. */
final class EngineSettings {
    private EngineSettings() {
    }

    static GodwitConfiguration.Builder apply(Settings settings, GodwitConfiguration.Builder builder) {
        builder.environment(settings.environment()).subsystems(BuiltinSubsystems.all())
                .subsystems(settings.customSubsystems());
        if (settings.mode() != null) {
            builder.mode(settings.mode());
        }
        if (settings.listener() != StoreListener.NONE) {
            builder.events(settings.listener());
        }
        if (settings.hashAlgorithm() != null) {
            builder.hashAlgorithm(settings.hashAlgorithm());
        }
        return builder;
    }
}
