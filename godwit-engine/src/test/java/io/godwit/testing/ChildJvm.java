package io.godwit.testing;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A child JVM that signals {@code READY} on its output; closing it ends it. */
public final class ChildJvm implements AutoCloseable {
    private final Process process;
    private final StringBuilder output = new StringBuilder();

    private ChildJvm(Process process) {
        this.process = process;
    }

    /** Starts {@code main} and waits until it prints READY; fails with its output if it ends first. */
    public static ChildJvm startAndAwaitReady(Class<?> main, List<String> args) throws Exception {
        ChildJvm child = new ChildJvm(JavaProcess.start(main, args));
        BufferedReader out = new BufferedReader(new InputStreamReader(child.process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            if (line.equals("READY")) {
                return child;
            }
            child.output.append(line).append('\n');
        }
        child.close();
        throw new AssertionError("Child " + main.getSimpleName() + " ended before it was ready:\n" + child.output);
    }

    /** What it printed before READY. */
    public String output() {
        return output.toString();
    }

    public long pid() {
        return process.pid();
    }

    /** Ends it at once, as a crash would: no cleanup runs. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() throws Exception {
        process.getOutputStream().close();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
