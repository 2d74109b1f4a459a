package io.godwit.cli;

import io.godwit.server.GodwitServer;
import io.godwit.server.ServerConfig;
import io.godwit.store.GodwitClient;
import io.godwit.store.Settings;
import io.godwit.store.StoreClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code godwit run}: serves Chroma's HTTP API v2 on a store, as Chroma's {@code chroma run}. Opens
 * the store the way every client does (migrating it in the configured mode first, so a database
 * ahead of the code refuses to start with its exit code), prints one {@code Listening on URL} line on
 * stdout, and serves until SIGTERM or Ctrl-C, when requests in flight finish and the store closes.
 * Reads the process's environment: {@code GODWIT_*} store settings, the token variable, the password.
 */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Serves Chroma's HTTP API v2 on a store until stopped (SIGTERM, Ctrl-C).",
                "Prints 'Listening on http://HOST:PORT' once it serves."})
final class RunCommand implements Callable<Integer> {
    static final String TOKEN_VARIABLE = "GODWIT_SERVER_AUTH_TOKEN";

    @Spec
    CommandSpec spec;

    @Option(names = "--path", paramLabel = "DIR", description = "Persist directory (default: ./godwit_data).")
    Path path;

    @Option(names = "--url", paramLabel = "JDBC_URL", description = "A PostgreSQL database (jdbc:postgresql://...).")
    String url;

    @Option(names = "--user", paramLabel = "USER", description = "Database user (with --url).")
    String user;

    @Option(names = "--password-env", paramLabel = "VAR",
            description = "Environment variable holding the password (with --url; default: PGPASSWORD).")
    String passwordVariable;

    @Option(names = "--host", paramLabel = "HOST", description = "Address to listen on (default: 127.0.0.1).")
    String host = ServerConfig.DEFAULT_HOST;

    @Option(names = "--port", paramLabel = "PORT", description = "Port; 0 picks a free one (default: 8000).")
    int port = ServerConfig.DEFAULT_PORT;

    @Option(names = "--threads", paramLabel = "N", description = "Requests served at once (default: 4 per core, at least 16).")
    Integer threads;

    @Option(names = "--max-body-mib", paramLabel = "MIB", description = "Largest request body (default: 40).")
    int maxBodyMib = (int) (ServerConfig.DEFAULT_MAX_BODY_BYTES >> 20);

    @Option(names = "--auth-token-env", paramLabel = "VAR",
            description = "Environment variable holding the token every route but heartbeat needs"
                    + " (default: " + TOKEN_VARIABLE + ", when set).")
    String tokenVariable;

    @Option(names = "--allow-unauthenticated",
            description = "Allow listening on a non-loopback address without a token.")
    boolean allowUnauthenticated;

    @Option(names = "--metrics-per-collection",
            description = "Tag /metrics series with the collection's name too (one series per collection).")
    boolean metricsPerCollection;

    @Override
    public Integer call() throws InterruptedException {
        Map<String, String> env = System.getenv();
        ServerConfig config = config(env);
        RunMetrics metrics = new RunMetrics(metricsPerCollection);
        StoreClient store = open(metrics.settings(Settings.fromEnvironment(env)), env);
        GodwitServer server;
        try {
            metrics.opened(store);
            server = GodwitServer.start(config, store, metrics.registry());
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "godwit-shutdown"));
        spec.commandLine().getOut().println("Listening on " + server.uri());
        spec.commandLine().getOut().flush();
        stopped.await();
        return 0;
    }

    private ServerConfig config(Map<String, String> env) {
        if (port < 0 || port > 65_535) {
            throw usage("--port must be within 0..65535");
        }
        if (maxBodyMib < 1) {
            throw usage("--max-body-mib must be at least 1");
        }
        if (threads != null && threads < 1) {
            throw usage("--threads must be at least 1");
        }
        return new ServerConfig(host, port, threads == null ? ServerConfig.defaultThreads() : threads,
                (long) maxBodyMib << 20, token(env), allowUnauthenticated);
    }

    private String token(Map<String, String> env) {
        if (tokenVariable == null) {
            String token = env.get(TOKEN_VARIABLE);
            return token == null || token.isEmpty() ? null : token;
        }
        String token = env.get(tokenVariable);
        if (token == null || token.isEmpty()) {
            throw usage("The environment variable " + tokenVariable + " named by --auth-token-env is not set");
        }
        return token;
    }

    private StoreClient open(Settings settings, Map<String, String> env) {
        if (path != null && url != null) {
            throw usage("Use only one of --path and --url");
        }
        if (url == null && (user != null || passwordVariable != null)) {
            throw usage("--user and --password-env go with --url");
        }
        if (url == null) {
            return GodwitClient.persistent(path == null ? GodwitClient.DEFAULT_DIRECTORY : path, settings);
        }
        String variable = passwordVariable == null ? "PGPASSWORD" : passwordVariable;
        String password = env.get(variable);
        if (password == null && passwordVariable != null) {
            throw usage("The environment variable " + variable + " named by --password-env is not set");
        }
        return GodwitClient.postgres(url, user, password, settings);
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
