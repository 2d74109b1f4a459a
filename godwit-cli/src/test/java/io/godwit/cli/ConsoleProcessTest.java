package io.godwit.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console of a real godwit process: on a real terminal (a pseudo-terminal made by util-linux
 * {@code script}) each migration is one line, the log only with --verbose; the SQLite native
 * library comes from the cache, extracted once, never into the temp folder.
 */
class ConsoleProcessTest {
    @TempDir
    Path dir;

    @Test
    void onATerminalEachMigrationIsPrintedOnceAndTheLogOnlyWithVerbose() throws Exception {
        String plain = onTerminal("migrate", "--path", dir.resolve("a").toString());
        String verbose = onTerminal("migrate", "--path", dir.resolve("b").toString(), "--verbose");

        assertThat(count(plain, "sysdb/00001-collections.sqlite.sql")).as(plain).isEqualTo(1);
        assertThat(plain).contains("Applied " + Fixtures.BUILTIN_COUNT + " migrations").doesNotContain(" INFO ");
        assertThat(count(verbose, "sysdb/00001-collections.sqlite.sql")).as(verbose).isEqualTo(3);
        assertThat(verbose).contains(" INFO Applying sysdb/00001-collections.sqlite.sql");
    }

    @Test
    void theNativeLibraryIsExtractedOnceToTheCacheAndNotToTheTempFolder() throws Exception {
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        for (int i = 0; i < 2; i++) {
            Process p = command(List.of("-Djava.io.tmpdir=" + tmp), "migrate", "--path", dir.resolve("data").toString())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            assertThat(p.waitFor(2, TimeUnit.MINUTES) && p.exitValue() == 0).isTrue();
        }

        try (Stream<Path> cached = Files.walk(dir.resolve("cache"))) {
            assertThat(cached.map(p -> p.getFileName().toString())).contains("libsqlitejdbc.so")
                    .noneMatch(name -> name.startsWith("extracting-"));
        }
        try (Stream<Path> temp = Files.list(tmp)) {
            assertThat(temp.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("sqlite-"))).isEmpty();
        }
    }

    /** Runs godwit under a pseudo-terminal (stdin, stdout and stderr a tty) and returns what it showed. */
    private String onTerminal(String... args) throws Exception {
        String line = command(List.of(), args).command().stream().map(ConsoleProcessTest::quote).collect(Collectors.joining(" "));
        ProcessBuilder pb = new ProcessBuilder("script", "-qec", line, "/dev/null");
        pb.environment().put("GODWIT_CACHE_DIR", dir.resolve("cache").toString());
        Process p = pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).redirectErrorStream(true).start();
        String shown = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(shown).isZero();
        return shown;
    }

    private ProcessBuilder command(List<String> jvmOptions, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), GodwitCli.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().put("GODWIT_CACHE_DIR", dir.resolve("cache").toString());
        return pb;
    }

    private static int count(String text, String what) {
        Matcher m = Pattern.compile(Pattern.quote(what)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
