package io.godwit.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.Map;

import static io.godwit.cli.CliRunner.run;
import static org.assertj.core.api.Assertions.assertThat;

/** Help for every command; bad usage exits 2 with one "godwit:" line and a hint, and touches nothing. */
class UsageTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"migrate", "status", "plan", "validate"})
    void everyCommandHasHelp(String command) {
        CliRunner.Result r = run(command, "--help");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("Usage: godwit " + command)
                .contains("--path=DIR", "--db=FILE", "--url=JDBC_URL", "--migrations-dir=NAME=PATH", "--hash=ALGORITHM",
                        "--no-builtin", "--lock-timeout=SECONDS", "--verbose");
    }

    @Test
    void theRootHelpListsTheCommandsAndExitCodes() {
        CliRunner.Result r = run("--help");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("migrate", "status", "plan", "validate", "  7  bad migration source");
    }

    @Test
    void noCommandIsBadUsage() {
        CliRunner.Result r = run();

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("Usage: godwit");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "migrate --bogus",
            "migrate --mode sometimes",
            "migrate --path a --db b",
            "status --db a --url jdbc:sqlite:b",
            "status --user me",
            "migrate --migrations-dir app",
            "migrate --migrations-dir =folder",
            "migrate --target sysdb=two",
            "migrate --target sysdb",
            "migrate --lock-timeout 0",
            "migrate --lock-timeout soon",
            "validate --no-builtin",
            "validate --migrations-dir bad/name=folder",
            "status --url jdbc:postgresql://localhost/x --password-env GODWIT_TEST_UNSET_VARIABLE",
            "frobnicate"})
    void badUsageExitsTwoWithOneLineAndAHint(String args) {
        CliRunner.Result r = run(Map.of(), Terminal.none(), withDb(args.split(" ")));

        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.errLines().get(0)).startsWith("godwit: ");
        assertThat(r.err()).contains("--help' for more information.").doesNotContain("\tat ");
        assertThat(r.out()).isEmpty();
        assertThat(Fixtures.listing(dir)).isEmpty();
    }

    @Test
    void anUnknownSubsystemInOnlyIsTheEnginesErrorOnOneLine() {
        CliRunner.Result r = run("migrate", "--db", dir.resolve("g.sqlite3").toString(), "--only", "nosuch");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.errLines()).singleElement().asString().startsWith("godwit: Unknown subsystem 'nosuch'");
        assertThat(Fixtures.listing(dir)).isEmpty();
    }

    /** The database, unless the case is about choosing one, is a file in the test's folder. */
    private String[] withDb(String[] args) {
        String joined = String.join(" ", args);
        if (joined.contains("--path") || joined.contains("--db") || joined.contains("--url") || args.length < 2) {
            return args;
        }
        String[] all = java.util.Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--db";
        all[args.length + 1] = dir.resolve("g.sqlite3").toString();
        return all;
    }
}
