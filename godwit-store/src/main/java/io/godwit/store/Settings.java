package io.godwit.store;

import io.godwit.HashAlgorithm;
import io.godwit.MigrationMode;
import io.godwit.Subsystem;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How a client opens and runs its store, immutable. From code ({@link #defaults()} and the
 * {@code with*} methods) or from {@code GODWIT_*} environment variables ({@link #fromEnvironment});
 * nothing is read behind the caller's back.
 *
 * @param allowReset       whether {@link StoreClient#reset()} may empty the store ({@code GODWIT_ALLOW_RESET}; default false)
 * @param mode             migrations mode; null means the engine's default (apply), which the environment may override
 * @param hashAlgorithm    null means the engine's default (md5), which the environment may override
 * @param environment      the variables the engine reads ({@code GODWIT_MIGRATIONS*}); empty: none
 * @param customSubsystems migration histories of the application's own, applied after the built-in ones
 * @param defaultTenant    {@code GODWIT_DEFAULT_TENANT}; default {@code default_tenant}
 * @param defaultDatabase  {@code GODWIT_DEFAULT_DATABASE}; default {@code default_database}
 * @param maxBatchSize     the most records one call may carry ({@code GODWIT_MAX_BATCH_SIZE}; advertised as
 *                         Chroma's {@code max_batch_size}); larger batches are refused naming the limit
 * @param keepLog          keep every log entry, for audit ({@code GODWIT_KEEP_LOG}); default false: entries every
 *                         consumer holds are purged
 * @param writeLockTimeout how long a write waits for another process's write to finish before it is refused,
 *                         naming the holder ({@code GODWIT_WRITE_LOCK_TIMEOUT_MS})
 * @param listener         told what the store and its migrations do, for metrics ({@link StoreListener#NONE}:
 *                         nothing, the default); from code only
 */
public record Settings(boolean allowReset, MigrationMode mode, HashAlgorithm hashAlgorithm, Map<String, String> environment,
                       List<Subsystem> customSubsystems, String defaultTenant, String defaultDatabase, int maxBatchSize,
                       boolean keepLog, Duration writeLockTimeout, StoreListener listener) {

    public static final String DEFAULT_TENANT = "default_tenant";
    public static final String DEFAULT_DATABASE = "default_database";
    /** Chroma 1.0's local server advertises this many. */
    public static final int DEFAULT_MAX_BATCH_SIZE = 5461;

    public Settings {
        environment = Map.copyOf(environment);
        customSubsystems = List.copyOf(customSubsystems);
        if (defaultTenant == null || defaultDatabase == null) {
            throw StoreException.invalid("Settings: the default tenant and database are required (got null)");
        }
        if (maxBatchSize <= 0) {
            throw StoreException.invalid("Settings: maxBatchSize must be positive, got " + maxBatchSize);
        }
        if (writeLockTimeout == null || writeLockTimeout.isNegative()) {
            throw StoreException.invalid("Settings: writeLockTimeout must be zero or more, got " + writeLockTimeout);
        }
        listener = listener == null ? StoreListener.NONE : listener;
    }

    public static Settings defaults() {
        return new Settings(false, null, null, Map.of(), List.of(), DEFAULT_TENANT, DEFAULT_DATABASE,
                DEFAULT_MAX_BATCH_SIZE, false, Duration.ofSeconds(10), StoreListener.NONE);
    }

    /**
     * Defaults overridden by the {@code GODWIT_*} variables present in {@code env} (pass
     * {@code System.getenv()} to honour the process's environment); the engine's
     * {@code GODWIT_MIGRATIONS*} variables are passed on to it. A malformed value is refused naming the variable.
     */
    public static Settings fromEnvironment(Map<String, String> env) {
        Settings s = defaults().withEnvironment(env);
        String reset = env.get("GODWIT_ALLOW_RESET");
        if (reset != null) {
            s = s.withAllowReset(bool("GODWIT_ALLOW_RESET", reset));
        }
        String keep = env.get("GODWIT_KEEP_LOG");
        if (keep != null) {
            s = s.withKeepLog(bool("GODWIT_KEEP_LOG", keep));
        }
        s = s.withDefaults(env.getOrDefault("GODWIT_DEFAULT_TENANT", s.defaultTenant()),
                env.getOrDefault("GODWIT_DEFAULT_DATABASE", s.defaultDatabase()));
        String batch = env.get("GODWIT_MAX_BATCH_SIZE");
        if (batch != null) {
            s = s.withMaxBatchSize(positive("GODWIT_MAX_BATCH_SIZE", batch));
        }
        String wait = env.get("GODWIT_WRITE_LOCK_TIMEOUT_MS");
        if (wait != null) {
            s = s.withWriteLockTimeout(Duration.ofMillis(positive("GODWIT_WRITE_LOCK_TIMEOUT_MS", wait)));
        }
        return s;
    }

    private static boolean bool(String variable, String value) {
        return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw StoreException.invalid(variable + "=" + value + " is not a boolean; use true or false");
        };
    }

    private static int positive(String variable, String value) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw StoreException.invalid(variable + "=" + value + " is not a positive integer");
    }

    public Settings withAllowReset(boolean value) {
        return new Settings(value, mode, hashAlgorithm, environment, customSubsystems, defaultTenant, defaultDatabase,
                maxBatchSize, keepLog, writeLockTimeout, listener);
    }

    public Settings withMode(MigrationMode value) {
        return new Settings(allowReset, value, hashAlgorithm, environment, customSubsystems, defaultTenant,
                defaultDatabase, maxBatchSize, keepLog, writeLockTimeout, listener);
    }

    public Settings withHashAlgorithm(HashAlgorithm value) {
        return new Settings(allowReset, mode, value, environment, customSubsystems, defaultTenant, defaultDatabase,
                maxBatchSize, keepLog, writeLockTimeout, listener);
    }

    public Settings withEnvironment(Map<String, String> value) {
        return new Settings(allowReset, mode, hashAlgorithm, value, customSubsystems, defaultTenant, defaultDatabase,
                maxBatchSize, keepLog, writeLockTimeout, listener);
    }

    public Settings withCustomSubsystems(List<Subsystem> value) {
        return new Settings(allowReset, mode, hashAlgorithm, environment, value, defaultTenant, defaultDatabase,
                maxBatchSize, keepLog, writeLockTimeout, listener);
    }

    public Settings withDefaults(String tenant, String database) {
        return new Settings(allowReset, mode, hashAlgorithm, environment, customSubsystems, tenant, database,
                maxBatchSize, keepLog, writeLockTimeout, listener);
    }

    public Settings withMaxBatchSize(int value) {
        return new Settings(allowReset, mode, hashAlgorithm, environment, customSubsystems, defaultTenant,
                defaultDatabase, value, keepLog, writeLockTimeout, listener);
    }

    public Settings withKeepLog(boolean value) {
        return new Settings(allowReset, mode, hashAlgorithm, environment, customSubsystems, defaultTenant,
                defaultDatabase, maxBatchSize, value, writeLockTimeout, listener);
    }

    public Settings withWriteLockTimeout(Duration value) {
        return new Settings(allowReset, mode, hashAlgorithm, environment, customSubsystems, defaultTenant,
                defaultDatabase, maxBatchSize, keepLog, value, listener);
    }

    /** Tells {@code value} what the store and its migrations do (see {@link StoreListener}). */
    public Settings withListener(StoreListener value) {
        return new Settings(allowReset, mode, hashAlgorithm, environment, customSubsystems, defaultTenant,
                defaultDatabase, maxBatchSize, keepLog, writeLockTimeout, value);
    }
}
