package io.godwit.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts a class of the test classpath in a new JVM, as a real separate process. */
public final class JavaProcess {
    private JavaProcess() {
    }

    public static ProcessBuilder builder(Class<?> main, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(args);
        return new ProcessBuilder(command);
    }

    public static Process start(Class<?> main, List<String> args) throws IOException {
        return builder(main, args).redirectErrorStream(true).start();
    }
}
