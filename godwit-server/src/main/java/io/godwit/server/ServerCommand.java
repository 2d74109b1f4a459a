package io.godwit.server;

import io.godwit.GodwitException;
import io.godwit.Version;
import io.godwit.store.Settings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * The server's command line. Failures end it the way they end the godwit command: one line on
 * stderr, {@code godwit-server: <message>}, and the documented exit code (the engine's
 * {@link GodwitException#exitCode()}, 2 for bad usage, 1 otherwise), never a stack trace.
 */
@Command(name = "godwit-server", mixinStandardHelpOptions = true, versionProvider = ServerCommand.VersionProvider.class,
        description = "Serves a Godwit store over HTTP (JSON API, see the README (Server and HTTP client)).", sortOptions = false)
final class ServerCommand implements Callable<Integer> {
    static final Path DEFAULT_PATH = Path.of("godwit_data");
    static final String DEFAULT_PASSWORD_VARIABLE = "PGPASSWORD";

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--path", paramLabel = "DIR", description = "Persist directory, holding godwit.sqlite3 (default: godwit_data).")
    Path path;

    @Option(names = "--url", paramLabel = "JDBC_URL", description = "A database by JDBC URL: jdbc:postgresql://host:port/database (or jdbc:sqlite:FILE).")
    String url;

    @Option(names = "--user", paramLabel = "USER", description = "Database user (with --url).")
    String user;

    @Option(names = "--password-env", paramLabel = "VAR",
            description = "Environment variable that holds the password (with --url; default: PGPASSWORD).")
    String passwordVariable;

    @Option(names = "--host", paramLabel = "HOST", description = "Address to listen on (default: 127.0.0.1). The API has no authentication.")
    String host = ServerConfig.DEFAULT_HOST;

    @Option(names = "--port", paramLabel = "PORT", description = "Port to listen on; 0 picks a free one (default: 8000).")
    int port = ServerConfig.DEFAULT_PORT;

    @Option(names = "--threads", paramLabel = "N", description = "Requests handled at once (default: 4).")
    int threads = ServerConfig.DEFAULT_THREADS;

    private final Map<String, String> environment;
    private final boolean stopOnExit;
    private GodwitServer server;

    /**
     * @param environment the process environment: GODWIT_MIGRATIONS* and the password variable are read from it
     * @param stopOnExit  register a JVM shutdown hook that closes the server (main does; tests close it themselves)
     */
    ServerCommand(Map<String, String> environment, boolean stopOnExit) {
        this.environment = Map.copyOf(environment);
        this.stopOnExit = stopOnExit;
    }

    /** Runs the command on stdout and stderr; the exit code (0 while serving). */
    int execute(String... args) {
        return execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine line = new CommandLine(this).setOut(out).setErr(err);
        line.setParameterExceptionHandler((e, a) -> fail(e.getCommandLine().getErr(), e.getMessage()
                + System.lineSeparator() + "Try 'godwit-server --help' for more information.", GodwitException.EXIT_USAGE));
        line.setExecutionExceptionHandler((e, c, r) -> fail(c.getErr(), message(e),
                e instanceof GodwitException g ? g.exitCode() : GodwitException.EXIT_OTHER));
        return line.execute(args);
    }

    /** The server, once this command started it. */
    Optional<GodwitServer> server() {
        return Optional.ofNullable(server);
    }

    @Override
    public Integer call() {
        ServerConfig config;
        try {
            config = new ServerConfig(host, port, threads, store(), Settings.defaults().withEnvironment(environment));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        server = GodwitServer.start(config);
        if (stopOnExit) {
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "godwit-server-stop"));
        }
        // The line scripts and tests wait for: printed only once requests are being served.
        spec.commandLine().getOut().println("Listening on " + server.uri());
        spec.commandLine().getOut().flush();
        return 0;
    }

    private StoreLocation store() {
        if (path != null && url != null) {
            throw usage("Use only one of --path and --url");
        }
        if (url == null && (user != null || passwordVariable != null)) {
            throw usage("--user and --password-env go with --url");
        }
        if (url == null) {
            return new StoreLocation.Directory(path == null ? DEFAULT_PATH : path);
        }
        String variable = passwordVariable == null ? DEFAULT_PASSWORD_VARIABLE : passwordVariable;
        String password = environment.get(variable);
        if (password == null && passwordVariable != null) {
            throw usage("The environment variable " + passwordVariable + " named by --password-env is not set");
        }
        return new StoreLocation.Url(url, user, password);
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    private static int fail(PrintWriter err, String message, int code) {
        err.println("godwit-server: " + message.strip());
        err.flush();
        return code;
    }

    /** The engine's messages are written for users, on one line; anything else also needs its type. */
    private static String message(Exception e) {
        String text = e instanceof GodwitException && e.getMessage() != null ? e.getMessage()
                : e.getMessage() == null ? e.getClass().getName() : e.getClass().getSimpleName() + ": " + e.getMessage();
        return text.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"godwit-server " + Version.get()};
        }
    }
}
