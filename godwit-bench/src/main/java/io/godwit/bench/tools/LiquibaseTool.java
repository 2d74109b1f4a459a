package io.godwit.bench.tools;

import io.godwit.bench.Fixture;
import io.godwit.bench.MigrationSet;
import io.godwit.bench.Target;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.changelog.ChangeSet;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.DirectoryResourceAccessor;
import liquibase.ui.LoggerUIService;

import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Liquibase through its Java API with formatted SQL changelogs: one XML master changelog that
 * includes every file, one {@code DATABASECHANGELOG} for all subsystems. Its console messages go
 * to its logger, and its logger (java.util.logging) is set to warnings, as the others are silenced.
 */
final class LiquibaseTool implements Tool {
    /** Held so that the level is not lost when the logger is collected. */
    private static final Logger LIQUIBASE_LOG = Logger.getLogger("liquibase");

    static {
        LIQUIBASE_LOG.setLevel(Level.WARNING);
        // No phoning home while measured (there is no network here; a timeout would distort).
        System.setProperty("liquibase.analytics.enabled", "false");
    }

    interface Work {
        void run(Liquibase liquibase) throws Exception;
    }

    @Override
    public void apply(Target target, Fixture fixture) throws Exception {
        run(target, fixture, lb -> lb.update(new Contexts(), new LabelExpression()));
    }

    /** Unrun change sets are listed after the changelog is validated against the history (checksums). */
    @Override
    public void validate(Target target, Fixture fixture) throws Exception {
        run(target, fixture, lb -> {
            List<ChangeSet> unrun = lb.listUnrunChangeSets(new Contexts(), new LabelExpression());
            if (!unrun.isEmpty()) {
                throw new IllegalStateException(unrun.size() + " change set(s) not applied, first " + unrun.get(0));
            }
        });
    }

    @Override
    public void seed(Target target, Fixture fixture, MigrationSet set) throws Exception {
        LiquibaseSeed.seed(target, fixture, set);
    }

    static void run(Target target, Fixture fixture, Work work) throws Exception {
        Scope.child(Map.of(Scope.Attr.ui.name(), new LoggerUIService()), () -> {
            Database db = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(target.connect()));
            try (Liquibase lb = new Liquibase(Fixture.LIQUIBASE_CHANGELOG,
                    new DirectoryResourceAccessor(fixture.liquibaseDir()), db)) {
                work.run(lb);
            }
        });
    }
}
