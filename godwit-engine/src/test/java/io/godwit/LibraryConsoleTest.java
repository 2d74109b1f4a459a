package io.godwit;

import io.godwit.contract.MigrationFolder;
import io.godwit.testing.MigrateProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A library user without SLF4J (slf4j-api is an optional dependency of the engine) sees nothing
 * of Godwit's logging on stderr: no "No SLF4J providers were found", from the engine or from
 * sqlite-jdbc.
 */
class LibraryConsoleTest {
    @TempDir
    Path temp;

    @Test
    void withoutSlf4jMigratingPrintsNothingOnStderr() throws Exception {
        MigrationFolder m = new MigrationFolder(temp.resolve("m"), "sqlite");
        m.add(1, "a", "CREATE TABLE a (x INTEGER);");
        String classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !new File(entry).getName().startsWith("slf4j-"))
                .collect(Collectors.joining(File.pathSeparator));
        assertThat(classpath).contains("sqlite-jdbc").doesNotContain("slf4j");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", classpath,
                MigrateProcess.class.getName(), "sqlite:" + temp.resolve("g.sqlite3"), "m=" + m.dir()).start();

        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(p.waitFor()).as(out + err).isZero();
        assertThat(out).contains("APPLIED 1");
        assertThat(err).isEmpty();
    }
}
