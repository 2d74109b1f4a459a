package io.godwit.release;

import io.godwit.Godwit;
import io.godwit.StatusReport;
import io.godwit.Subsystem;
import io.godwit.SubsystemStatus;
import io.godwit.Version;
import io.godwit.contract.MigrationFolder;
import io.godwit.source.DirectorySource;
import io.godwit.testing.SqliteFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * status's release answers on a real SQLite file. Fixture: subsystem {@code app}, versions 1 and 2
 * shipped in 0.1.0 (manifest with hashes) and applied by a Godwit that recorded itself as 0.1.0.
 */
class ReleaseStatusTest {
    @TempDir
    Path temp;
    Path db;
    MigrationFolder app;
    final List<String> manifest = new ArrayList<>();

    @BeforeEach
    void storeOfRelease010() {
        db = temp.resolve("godwit.sqlite3");
        app = new MigrationFolder(temp.resolve("app"), "sqlite");
        app.add(1, "items", "CREATE TABLE items (id INTEGER PRIMARY KEY);");
        app.add(2, "names", "ALTER TABLE items ADD COLUMN name TEXT;");
        manifest.addAll(ReleasePolicy.freezeLines(subsystem("0.1.0"), Release.parse("0.1.0")));
        godwit("0.1.0").migrate();
        SqliteFiles.execute(db, "UPDATE godwit_migrations SET godwit_version = '0.1.0'");
    }

    private Subsystem subsystem(String code) {
        return new Subsystem("app", new DirectorySource(app.dir())).withReleases(new SubsystemReleases(
                Release.parse(code), ReleaseManifest.parse("app.tsv", String.join("\n", manifest))));
    }

    private Godwit godwit(String code) {
        return Godwit.configure().sqlite(db).subsystem(subsystem(code)).load();
    }

    @Test
    void aCurrentStoreNamesItsReleasesAndTheGodwitThatMigratedIt() {
        StatusReport status = godwit("0.1.0").status();

        SubsystemStatus s = status.subsystems().get(0);
        assertThat(s.releases().store()).hasToString("0.1.0");
        assertThat(s.releases().versions()).isEqualTo(Map.of(1, Release.parse("0.1.0"), 2, Release.parse("0.1.0")));
        assertThat(s.applied()).allSatisfy(e -> assertThat(e.godwitVersion()).isEqualTo("0.1.0"));
        assertThat(status.lastMigration().orElseThrow().godwitVersion()).isEqualTo("0.1.0");
        assertThat(status.upgrade().action()).isEqualTo(UpgradeVerdict.Action.CURRENT);
    }

    @Test
    void aNewMajorsMigrationsRunByThemselvesAcrossTheSeries() {
        app.add(3, "tags", "CREATE TABLE tags (name TEXT);");

        StatusReport status = godwit("0.2.0-SNAPSHOT").status();

        SubsystemStatus s = status.subsystems().get(0);
        assertThat(s.releases().releaseOf(3)).contains(Release.parse("0.2.0"));
        assertThat(s.releases().crossesSeries()).isTrue();
        UpgradeVerdict verdict = status.upgrade();
        assertThat(verdict.action()).isEqualTo(UpgradeVerdict.Action.MIGRATE);
        assertThat(verdict.message()).contains("1 pending migration run by themselves")
                .contains("crossing from release 0.1.x to 0.2.x, a major upgrade");
    }

    @Test
    void aMinorsMigrationsStayInTheSeries() {
        manifest.replaceAll(l -> l.replace("0.1.0\t", "1.2.0\t"));
        app.add(3, "tags", "CREATE TABLE tags (name TEXT);");

        UpgradeVerdict verdict = godwit("1.3.0").status().upgrade();

        assertThat(verdict.action()).isEqualTo(UpgradeVerdict.Action.MIGRATE);
        assertThat(verdict.message()).doesNotContain("crossing");
    }

    @Test
    void aManualMigrationNeedsAnOperatorWithItsReason() {
        app.add(3, "tags", "-- godwit:confirm rebuilds items (release notes 0.2.0, \"Items\")\nCREATE TABLE tags (name TEXT);");

        UpgradeVerdict verdict = godwit("0.2.0-SNAPSHOT").status().upgrade();

        assertThat(verdict.action()).isEqualTo(UpgradeVerdict.Action.OPERATOR);
        assertThat(verdict.reasons()).containsExactly("app/00003-tags.sqlite.sql: rebuilds items (release notes 0.2.0, \"Items\")");
        assertThat(verdict.message()).contains("godwit migrate --confirm");
    }

    @Test
    void aStoreAheadIsRefusedNamingTheReleaseThatMigratedIt() {
        app.add(3, "tags", "CREATE TABLE tags (name TEXT);");
        godwit("0.2.0-SNAPSHOT").migrate();
        app.remove(app.file(3, "tags"));

        StatusReport status = godwit("0.1.0").status();

        assertThat(status.lastMigration().orElseThrow().godwitVersion()).isEqualTo(Version.get());
        assertThat(status.subsystems().get(0).releases().store()).isNull();
        UpgradeVerdict verdict = status.upgrade();
        assertThat(verdict.action()).isEqualTo(UpgradeVerdict.Action.REFUSE);
        assertThat(verdict.message()).contains("a newer release upgraded it (last migrated by Godwit " + Version.get() + ")");
        assertThat(verdict.reasons()).singleElement().asString().contains("Database is ahead of this code in app");
    }

    @Test
    void aFreshStoreIsCreatedByMigrate() {
        Godwit fresh = Godwit.configure().sqlite(temp.resolve("new.sqlite3")).subsystem(subsystem("0.1.0")).load();

        StatusReport status = fresh.status();

        assertThat(status.upgrade().action()).isEqualTo(UpgradeVerdict.Action.MIGRATE);
        assertThat(status.lastMigration()).isEmpty();
        assertThat(status.subsystems().get(0).releases().store()).isNull();
    }
}
