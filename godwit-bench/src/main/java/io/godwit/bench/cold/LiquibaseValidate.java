package io.godwit.bench.cold;

import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.DirectoryResourceAccessor;
import liquibase.ui.LoggerUIService;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The smallest program that opens a database with Liquibase and checks it is current (the
 * changelog validated against the history, no change set unrun), for cold starts. Arguments:
 * {@code URL USER PASSWORD FOLDER CHANGELOG}; exits non-zero when not current.
 */
public final class LiquibaseValidate {
    private static final Logger LOG = Logger.getLogger("liquibase");

    private LiquibaseValidate() {
    }

    public static void main(String[] args) throws Exception {
        LOG.setLevel(Level.WARNING);
        System.setProperty("liquibase.analytics.enabled", "false");
        Scope.child(Map.of(Scope.Attr.ui.name(), new LoggerUIService()), () -> {
            Database db = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(
                    new JdbcConnection(DriverManager.getConnection(args[0], args[1], args[2])));
            try (Liquibase lb = new Liquibase(args[4], new DirectoryResourceAccessor(Path.of(args[3])), db)) {
                if (!lb.listUnrunChangeSets(new Contexts(), new LabelExpression()).isEmpty()) {
                    throw new IllegalStateException("Change sets not applied");
                }
            }
        });
    }
}
