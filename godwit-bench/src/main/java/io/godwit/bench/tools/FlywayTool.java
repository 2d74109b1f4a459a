package io.godwit.bench.tools;

import io.godwit.bench.Fixture;
import io.godwit.bench.MigrationSet;
import io.godwit.bench.Target;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.configuration.FluentConfiguration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;

/**
 * Flyway through its Java API with its defaults: one location per subsystem folder, one version
 * sequence and one history table ({@code flyway_schema_history}) for all. With {@code group},
 * every pending migration runs in one transaction, as Godwit does by default.
 */
final class FlywayTool implements Tool {
    private final boolean group;

    FlywayTool(boolean group) {
        this.group = group;
    }

    @Override
    public void apply(Target target, Fixture fixture) {
        configure(target, fixture).load().migrate();
    }

    /** Flyway's validate fails on a pending migration as well as on a changed one. */
    @Override
    public void validate(Target target, Fixture fixture) {
        configure(target, fixture).load().validate();
    }

    private FluentConfiguration configure(Target target, Fixture fixture) {
        return Flyway.configure()
                .dataSource(target.url(), target.user(), target.password())
                .locations(fixture.flywayDirs().stream().map(p -> "filesystem:" + p).toArray(String[]::new))
                .group(group);
    }

    /**
     * Flyway applies the first migration itself, which creates its history table; the rest are
     * run here in one transaction, and their history rows carry the checksums, descriptions and
     * script names that Flyway's own {@code info()} resolved.
     */
    @Override
    public void seed(Target target, Fixture fixture, MigrationSet set) throws Exception {
        configure(target, fixture).target("1").load().migrate();
        MigrationInfo[] pending = configure(target, fixture).load().info().pending();
        try (Connection c = target.connect()) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement();
                 PreparedStatement row = c.prepareStatement("INSERT INTO flyway_schema_history (installed_rank,"
                         + " version, description, type, script, checksum, installed_by, execution_time, success)"
                         + " VALUES (?, ?, ?, 'SQL', ?, ?, ?, 0, ?)")) {
                for (MigrationInfo m : pending) {
                    int global = Integer.parseInt(m.getVersion().getVersion());
                    st.execute(set.steps().get(global - 1).sql());
                    row.setInt(1, global);
                    row.setString(2, m.getVersion().getVersion());
                    row.setString(3, m.getDescription());
                    row.setString(4, m.getScript());
                    row.setInt(5, m.getChecksum());
                    row.setString(6, target.user());
                    row.setBoolean(7, true);
                    row.addBatch();
                }
                row.executeBatch();
            }
            c.commit();
        }
    }
}
