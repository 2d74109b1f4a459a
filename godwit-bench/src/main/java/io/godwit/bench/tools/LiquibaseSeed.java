package io.godwit.bench.tools;

import io.godwit.bench.Fixture;
import io.godwit.bench.MigrationSet;
import io.godwit.bench.Target;
import liquibase.ChecksumVersion;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.changelog.ChangeSet;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

/**
 * Brings a database to "every change set applied" without Liquibase's per-change-set cost
 * (its own {@code changelogSync} takes about a minute per 10,000): Liquibase applies the first
 * change set, which creates its tables and writes the model row; the statements of the rest run
 * here in one transaction, and their rows copy the model row with each change set's id, file and
 * checksum as Liquibase's own API computes them. The model row's stored checksum is compared with
 * the API's first, so a mismatch in how checksums are computed stops the seeding.
 */
final class LiquibaseSeed {
    private static final String COPIED = "DESCRIPTION, COMMENTS, LIQUIBASE, CONTEXTS, LABELS, DEPLOYMENT_ID, EXECTYPE, DATEEXECUTED";

    private LiquibaseSeed() {
    }

    static void seed(Target target, Fixture fixture, MigrationSet set) throws Exception {
        LiquibaseTool.run(target, fixture, lb -> {
            lb.update(1, new Contexts(), new LabelExpression());
            List<ChangeSet> changeSets = lb.getDatabaseChangeLog().getChangeSets();
            try (Connection c = target.connect()) {
                c.setAutoCommit(false);
                Object[] model = modelRow(c, changeSets.get(0));
                try (Statement st = c.createStatement();
                     PreparedStatement row = c.prepareStatement("INSERT INTO DATABASECHANGELOG (ID, AUTHOR, FILENAME,"
                             + " ORDEREXECUTED, MD5SUM, " + COPIED + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    for (int i = 1; i < changeSets.size(); i++) {
                        ChangeSet cs = changeSets.get(i);
                        st.execute(set.steps().get(i).sql());
                        row.setString(1, cs.getId());
                        row.setString(2, cs.getAuthor());
                        row.setString(3, cs.getStoredFilePath());
                        row.setInt(4, i + 1);
                        row.setString(5, cs.generateCheckSum(ChecksumVersion.latest()).toString());
                        for (int k = 0; k < model.length; k++) {
                            row.setObject(6 + k, model[k]);
                        }
                        row.addBatch();
                    }
                    row.executeBatch();
                }
                c.commit();
            }
        });
    }

    private static Object[] modelRow(Connection c, ChangeSet first) throws Exception {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT MD5SUM, FILENAME, " + COPIED + " FROM DATABASECHANGELOG")) {
            if (!rs.next()) {
                throw new IllegalStateException("Liquibase wrote no history row for the first change set");
            }
            String expected = first.generateCheckSum(ChecksumVersion.latest()).toString();
            if (!expected.equals(rs.getString(1)) || !first.getStoredFilePath().equals(rs.getString(2))) {
                throw new IllegalStateException("Liquibase stored " + rs.getString(1) + " for " + rs.getString(2)
                        + " but its API computes " + expected + " for " + first.getStoredFilePath());
            }
            Object[] model = new Object[COPIED.split(",").length];
            for (int k = 0; k < model.length; k++) {
                model[k] = rs.getObject(3 + k);
            }
            return model;
        }
    }
}
