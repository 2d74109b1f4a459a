package io.godwit.bench;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** What the figures were measured on, for the results' header. */
final class Machine {
    private Machine() {
    }

    static List<String> describe(String pg) {
        List<String> lines = new ArrayList<>();
        lines.add("Machine: " + cpu() + ", " + Runtime.getRuntime().availableProcessors() + " cores, "
                + memory() + " memory, " + System.getProperty("os.name") + " " + System.getProperty("os.version"));
        lines.add("JDK: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + " (child JVMs with default options)");
        lines.add("Tools: Godwit " + jarVersion("godwit-engine", "0.2.0-SNAPSHOT (this tree)") + ", Flyway "
                + jarVersion("flyway-core", "?") + ", Liquibase " + jarVersion("liquibase-core", "?")
                + ", sqlite-jdbc " + jarVersion("sqlite-jdbc", "?") + ", pgjdbc " + jarVersion("postgresql", "?"));
        lines.add("Shells: sqlite3 " + firstWord(run("sqlite3", "--version")) + ", " + run("psql", "--version"));
        lines.add("PostgreSQL server: " + pg);
        lines.add("Load average at start: " + load());
        return lines;
    }

    static String load() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (Exception e) {
            return "?";
        }
    }

    private static String cpu() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse("?");
        } catch (Exception e) {
            return "?";
        }
    }

    private static String memory() {
        try {
            String kb = Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("\\D+", "");
            return Math.round(Long.parseLong(kb) / 1024.0 / 1024.0) + " GiB";
        } catch (Exception e) {
            return "?";
        }
    }

    /** The version in a class path jar's name, e.g. flyway-core-13.12.1.jar gives 13.12.1. */
    private static String jarVersion(String artifact, String otherwise) {
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String name = new File(entry).getName();
            if (name.startsWith(artifact + "-") && name.endsWith(".jar") && Character.isDigit(name.charAt(artifact.length() + 1))) {
                return name.substring(artifact.length() + 1, name.length() - 4);
            }
        }
        return otherwise;
    }

    private static String run(String... cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String text = new String(p.getInputStream().readAllBytes()).strip();
            p.waitFor(10, TimeUnit.SECONDS);
            return text;
        } catch (Exception e) {
            return "(" + cmd[0] + " not found)";
        }
    }

    private static String firstWord(String s) {
        return s.split(" ")[0];
    }
}
