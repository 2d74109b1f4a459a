package io.godwit.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.SLF4JServiceProvider;

import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * The engine's logger: SLF4J's when the application has SLF4J (slf4j-api, an optional dependency,
 * and a provider), silent otherwise. A library must not speak on its user's console: with
 * slf4j-api on the class path and no provider, SLF4J (and sqlite-jdbc, which logs through SLF4J
 * whenever slf4j-api is present) print "No SLF4J providers were found" on stderr. So the engine
 * does not bring slf4j-api along, and touches SLF4J only when a provider is there (looked up as
 * SLF4J does: a service, or the {@code slf4j.provider} property). Messages use SLF4J's {} format.
 */
public final class Log { // also the store's: it has no SLF4J of its own either
    private static final boolean ENABLED = slf4jWithProvider();

    private final Object logger;

    private Log(Object logger) {
        this.logger = logger;
    }

    public static Log get(Class<?> owner) {
        return new Log(ENABLED ? Slf4j.logger(owner) : null);
    }

    /** Fields put on the log lines of this thread until closed; see {@link #fields}. */
    public interface Fields extends AutoCloseable {
        Fields NONE = () -> {
        };

        @Override
        void close();
    }

    /**
     * Puts {@code keysAndValues} (key, value, ...) into SLF4J's MDC for the lines this thread logs
     * until the result is closed, restoring what was there: the fields a JSON log shows beside the
     * message ({@code subsystem}, {@code version}, {@code collection}, {@code duration_ms}). Plain
     * logs do not show them. Without SLF4J nothing is done.
     */
    public static Fields fields(String... keysAndValues) {
        return ENABLED ? Slf4j.fields(keysAndValues) : Fields.NONE;
    }

    public void debug(String format, Object... args) {
        if (logger != null) {
            ((Logger) logger).debug(format, args);
        }
    }

    public void info(String format, Object... args) {
        if (logger != null) {
            ((Logger) logger).info(format, args);
        }
    }

    public void warn(String format, Object... args) {
        if (logger != null) {
            ((Logger) logger).warn(format, args);
        }
    }

    public void error(String format, Object... args) {
        if (logger != null) {
            ((Logger) logger).error(format, args);
        }
    }

    private static boolean slf4jWithProvider() {
        try {
            Class.forName("org.slf4j.LoggerFactory", false, Log.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
        return Slf4j.providerPresent();
    }

    /** Loaded only once SLF4J is known to be on the class path. */
    private static final class Slf4j {
        static Object logger(Class<?> owner) {
            return LoggerFactory.getLogger(owner);
        }

        static Fields fields(String... keysAndValues) {
            String[] previous = new String[keysAndValues.length / 2];
            for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
                previous[i / 2] = org.slf4j.MDC.get(keysAndValues[i]);
                org.slf4j.MDC.put(keysAndValues[i], keysAndValues[i + 1]);
            }
            return () -> {
                for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
                    if (previous[i / 2] == null) {
                        org.slf4j.MDC.remove(keysAndValues[i]);
                    } else {
                        org.slf4j.MDC.put(keysAndValues[i], previous[i / 2]);
                    }
                }
            };
        }

        static boolean providerPresent() {
            if (System.getProperty("slf4j.provider") != null) {
                return true;
            }
            try {
                return ServiceLoader.load(SLF4JServiceProvider.class, LoggerFactory.class.getClassLoader()).findFirst().isPresent();
            } catch (ServiceConfigurationError | LinkageError e) {
                return true; // let SLF4J itself say what is wrong with the provider
            }
        }
    }
}
