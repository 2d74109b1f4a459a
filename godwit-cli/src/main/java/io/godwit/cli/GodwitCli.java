package io.godwit.cli;

import io.godwit.Godwit;
import io.godwit.GodwitConfiguration;
import io.godwit.GodwitException;
import io.godwit.Version;
import io.godwit.store.chroma.ChromaHistory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The {@code godwit} command: a thin layer over the engine. It turns options into a
 * {@link GodwitConfiguration}, calls one engine method and prints the result; every rule lives in
 * the engine. Exit codes are the engine's ({@link GodwitException#exitCode()}), see {@link ErrorReporter}.
 *
 * <p>Adding a command (backup, restore, ...) is one new class, annotated {@code @Command}, with a
 * {@code @ParentCommand GodwitCli} field and the {@link DatabaseOptions}/{@link SubsystemOptions}
 * mixins it needs, plus one entry in {@link #COMMANDS}.
 */
@Command(name = "godwit", mixinStandardHelpOptions = true, versionProvider = GodwitCli.VersionProvider.class,
        synopsisSubcommandLabel = "COMMAND",
        description = "Schema migrations of a Godwit (or Chroma) database.",
        footer = {"", "Exit codes:",
                "  0  ok; the database is current",
                "  1  any other error",
                "  2  bad command-line usage",
                "  3  not current: uninitialized, unapplied migrations, a migration awaiting --confirm, or an unfinished no-transaction one (godwit resolve)",
                "  4  inconsistent history: modified, renumbered or removed file; database ahead of the code;"
                        + " verify found a problem; a backup does not match its manifest",
                "  5  a migration failed and was rolled back",
                "  6  could not get the migration lock in time; restore: the database is in use",
                "  7  bad migration source: file name, duplicate or missing version, unknown hash algorithm"})
public final class GodwitCli implements Callable<Integer> {

    /** Every subcommand, in the order help lists them. */
    static final List<Class<?>> COMMANDS = List.of(
            RunCommand.class,
            MigrateCommand.class,
            StatusCommand.class,
            PlanCommand.class,
            ValidateCommand.class,
            BackupCommand.class,
            RestoreCommand.class,
            RollbackCommand.class,
            VerifyCommand.class,
            RepairCommand.class,
            RehashCommand.class,
            ResolveCommand.class,
            ImportCommand.class);

    /** Read by {@link ErrorReporter} from the parse result; declared here once for every command. */
    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Print a stack trace with an error, and the engine's log on a terminal (elsewhere it is always on stderr).")
    boolean verbose;

    /** Read by {@link LogFormat} from the arguments before picocli runs; declared here so that every command takes it. */
    @Option(names = LogFormat.OPTION, scope = ScopeType.INHERIT, paramLabel = "FORMAT",
            description = "The log on stderr: plain (default) or json, one JSON object a line (also GODWIT_LOG_FORMAT).")
    LogFormat logFormat;

    @Spec
    CommandSpec spec;

    private final Map<String, String> environment;
    private final Terminal terminal;

    GodwitCli(Map<String, String> environment, Terminal terminal) {
        this.environment = Map.copyOf(environment);
        this.terminal = terminal;
    }

    public static void main(String[] args) {
        LogFormat.of(args, System.getenv()).install(); // before the first logger: plain (slf4j-simple) or json (logback)
        ConsoleLog.configure(args);             // before the first logger: on a terminal, the log only with --verbose
        SqliteNativeCache.install(System.getenv(), args); // before the driver loads: its library from the cache
        System.exit(commandLine(System.getenv(), Terminal.system(), commandsFor(args)).execute(args));
    }

    /**
     * The command line over an explicit environment and terminal. {@link #main} passes the real
     * ones; tests pass their own, so that nothing depends on the environment of the test JVM.
     */
    static CommandLine commandLine(Map<String, String> environment, Terminal terminal) {
        return commandLine(environment, terminal, COMMANDS);
    }

    /**
     * Only the command {@code args} names, when they name one: picocli reads every registered
     * command's annotations at start, the largest part of a short command's cold start after the
     * JVM's own. Without a known command (help, a typo) every command is registered, so that the
     * usage lists them all and a typo gets its suggestions.
     */
    static List<Class<?>> commandsFor(String[] args) {
        String first = java.util.Arrays.stream(args).filter(a -> !a.startsWith("-")).findFirst().orElse(null);
        for (Class<?> command : COMMANDS) {
            Command c = command.getAnnotation(Command.class);
            if (c.name().equals(first) || java.util.Arrays.asList(c.aliases()).contains(first)) {
                return List.of(command);
            }
        }
        return COMMANDS;
    }

    private static CommandLine commandLine(Map<String, String> environment, Terminal terminal, List<Class<?>> commands) {
        CommandLine commandLine = new CommandLine(new GodwitCli(environment, terminal));
        commands.forEach(commandLine::addSubcommand);
        commandLine.setUsageHelpAutoWidth(true);
        ErrorReporter reporter = new ErrorReporter();
        commandLine.setExecutionExceptionHandler(reporter);
        commandLine.setParameterExceptionHandler(reporter);
        return commandLine;
    }

    /** {@code godwit} without a command: the usage, as bad usage. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return GodwitException.EXIT_USAGE;
    }

    /**
     * A configuration builder for the chosen database and subsystems. The environment is passed
     * on, so that {@code GODWIT_MIGRATIONS} and {@code GODWIT_MIGRATIONS_HASH_ALGORITHM} override
     * the defaults while explicit flags override both.
     */
    GodwitConfiguration.Builder configure(DatabaseOptions database, SubsystemOptions subsystems) {
        GodwitConfiguration.Builder builder = Godwit.configure().environment(environment).recognizer(ChromaHistory.get());
        database.applyTo(builder, environment);
        subsystems.applyTo(builder);
        return builder;
    }

    Terminal terminal() {
        return terminal;
    }

    /** The environment the command line was started with (passwords are read from it, never from flags). */
    Map<String, String> environment() {
        return environment;
    }

    static final class VersionProvider implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"godwit " + Version.get()};
        }
    }
}
