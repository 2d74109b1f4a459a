package io.godwit.bench;

import java.util.List;

/**
 * How much of each workload a run measures. The full run aims at well under 20 minutes on a
 * 2-core machine, {@code --quick} at under 3 minutes with fewer iterations, without the 100,000
 * row, with the peers' apply rows measured once, and their multi-second rows (apply, validate
 * 10,000) on SQLite only, Liquibase's validate 10,000 not at all, and validate 10,000 on SQLite only.
 *
 * @param w1Warm     validate 3x10 in one JVM: warm-ups, iterations
 * @param w1Cold     validate 3x10 as new processes: warm-ups, runs
 * @param w2Godwit   apply 1,000 for Godwit and the shell: warm-ups, iterations
 * @param w2Peers    apply 1,000 for Flyway and Liquibase, which take seconds each
 * @param w3Sizes    validate N applied, on SQLite; PostgreSQL takes those up to {@code w3PgMax}
 * @param w3Godwit   validate N for Godwit and the shell: warm-ups, iterations
 * @param w3Peers    validate N for the peers
 * @param budgetSecs a warm row stops measuring past this many seconds (after at least 3), and
 *                   warming up past as many
 * @param warmSecs   a warm row warms up for at least this long, however many warm-ups that takes
 */
record Settings(boolean quick, Iter w1Warm, Iter w1Cold, Iter w2Godwit, Iter w2Peers, List<Integer> w3Sizes,
                int w3PgMax, Iter w3Godwit, Iter w3Peers, double budgetSecs, double warmSecs) {

    record Iter(int warmups, int iterations) {
    }

    static Settings fullRun() {
        return new Settings(false, new Iter(300, 300), new Iter(2, 12), new Iter(2, 10), new Iter(1, 3),
                List.of(1_000, 10_000, 100_000), 10_000, new Iter(3, 15), new Iter(1, 5), 25, 5);
    }

    static Settings quickRun() {
        return new Settings(true, new Iter(100, 100), new Iter(1, 3), new Iter(1, 3), new Iter(0, 1),
                List.of(1_000, 10_000), 1_000, new Iter(2, 5), new Iter(2, 1), 2.5, 1.5);
    }
}
