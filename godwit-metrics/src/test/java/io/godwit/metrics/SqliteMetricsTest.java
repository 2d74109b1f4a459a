package io.godwit.metrics;

import io.godwit.Godwit;
import io.godwit.GodwitConfiguration;
import io.godwit.store.GodwitClient;
import io.godwit.store.Settings;

/** The metrics contract on SQLite files. */
class SqliteMetricsTest extends MetricsContract {
    @Override
    GodwitConfiguration.Builder newDatabase() {
        return Godwit.configure().sqlite(temp.resolve("engine.sqlite3"));
    }

    @Override
    GodwitClient openStore(Settings settings) {
        return GodwitClient.persistent(temp.resolve("store"), settings);
    }

    @Override
    boolean backsUp() {
        return true;
    }

    @Override
    String scope() {
        return "sqlite";
    }
}
