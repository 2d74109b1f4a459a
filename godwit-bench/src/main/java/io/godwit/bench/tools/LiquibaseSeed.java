package io.godwit.bench.tools;

import io.godwit.bench.Fixture;
import io.godwit.bench.MigrationSet;
import io.godwit.bench.Target;
import liquibase.Contexts;
import liquibase.LabelExpression;

import java.sql.Connection;
import java.sql.Statement;

/**
 * Brings a database to "every change set applied" without Liquibase's per-change-set cost:
 * Liquibase applies the first change set (creating its tables), the statements of the rest run
 * here in one transaction, and Liquibase's own {@code changelogSync} records them.
 */
final class LiquibaseSeed {
    private LiquibaseSeed() {
    }

    static void seed(Target target, Fixture fixture, MigrationSet set) throws Exception {
        LiquibaseTool.run(target, fixture, lb -> lb.update(1, new Contexts(), new LabelExpression()));
        try (Connection c = target.connect()) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                for (MigrationSet.Step s : set.steps().subList(1, set.size())) {
                    st.execute(s.sql());
                }
            }
            c.commit();
        }
        LiquibaseTool.run(target, fixture, lb -> lb.changeLogSync(new Contexts(), new LabelExpression()));
    }
}
