package io.godwit.release;

import io.godwit.MigrationSourceException;
import io.godwit.Subsystem;
import io.godwit.contract.MigrationFolder;
import io.godwit.source.DirectorySource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The build-time check on crafted subsystems: each breach of the policy is found and named, and
 * the same files pass under a version the policy allows. Fixture: subsystem {@code app} with
 * SQLite and PostgreSQL files of version 1, shipped in 0.1.0 with their hashes recorded.
 */
class ReleasePolicyTest {
    @TempDir
    Path temp;
    MigrationFolder sqlite;
    MigrationFolder postgres;
    final List<String> manifest = new ArrayList<>();

    @BeforeEach
    void shippedRelease() {
        sqlite = new MigrationFolder(temp.resolve("app"), "sqlite");
        postgres = new MigrationFolder(temp.resolve("app"), "postgresql");
        sqlite.add(1, "items", "CREATE TABLE items (id INTEGER PRIMARY KEY);");
        postgres.add(1, "items", "CREATE TABLE items (id bigint PRIMARY KEY);");
        manifest.addAll(ReleasePolicy.freezeLines(app("0.1.0-SNAPSHOT"), Release.parse("0.1.0")));
    }

    private Subsystem app(String version) {
        return new Subsystem("app", new DirectorySource(sqlite.dir())).withReleases(new SubsystemReleases(
                Release.parse(version), ReleaseManifest.parse("app.tsv", String.join("\n", manifest))));
    }

    private List<String> check(String version) {
        return ReleasePolicy.check(List.of(app(version)), Release.parse(version));
    }

    private void addSecond(String header) {
        sqlite.add(2, "tags", header + "CREATE TABLE tags (name TEXT);");
        postgres.add(2, "tags", header + "CREATE TABLE tags (name text);");
    }

    @Test
    void theNextMinorUnderZeroMayAddMigrations() {
        addSecond("");
        assertThat(manifest).hasSize(2);
        assertThat(check("0.2.0-SNAPSHOT")).isEmpty();
    }

    @Test
    void aPatchReleaseThatAddsAMigrationFails() {
        addSecond("");
        assertThat(check("0.1.1-SNAPSHOT")).hasSize(2).allSatisfy(p -> assertThat(p)
                .contains("app/00002-tags.").contains("0.1.1, a patch release").contains("0.2.0-SNAPSHOT"));
        assertThat(check("1.4.1")).anySatisfy(p -> assertThat(p).contains("a patch release").contains("1.5.0"));
    }

    @Test
    void aMinorReleaseThatAddsAManualMigrationFails() {
        addSecond("-- godwit:confirm rewrites every tag (release notes 1.3.0, \"Tags\")\n");
        assertThat(check("1.3.0-SNAPSHOT")).anySatisfy(p -> assertThat(p).contains("app/00002-tags.sqlite.sql")
                .contains("-- godwit:confirm in 1.3.0, a minor release").contains("2.0.0"));
    }

    @Test
    void aMajorReleaseMayAddAManualMigrationWhoseReasonNamesTheReleaseNotes() {
        addSecond("-- godwit:confirm rewrites every tag (release notes 2.0.0, \"Tags\")\n");
        assertThat(check("2.0.0-SNAPSHOT")).isEmpty();
        assertThat(check("0.2.0-SNAPSHOT")).isEmpty();
    }

    @Test
    void aManualMigrationWhoseReasonNamesNoReleaseNotesFails() {
        addSecond("-- godwit:confirm rewrites every tag\n");
        assertThat(check("2.0.0-SNAPSHOT")).anySatisfy(p -> assertThat(p).contains("app/00002-tags.sqlite.sql")
                .contains("without naming the release-notes section"));
    }

    @Test
    void aChangeToAShippedMigrationFailsInEveryScope() {
        postgres.add(1, "items", "CREATE TABLE items (id bigint PRIMARY KEY, name text);");
        assertThat(check("0.2.0-SNAPSHOT")).singleElement().satisfies(p -> assertThat(p)
                .contains("app/00001-items.postgresql.sql (release 0.1.0").contains("has changed since it shipped")
                .contains("put the change in a new migration"));
    }

    @Test
    void aShippedMigrationRenamedFails() {
        sqlite.remove(sqlite.file(1, "items"));
        sqlite.add(1, "things", "CREATE TABLE items (id INTEGER PRIMARY KEY);");
        assertThat(check("0.2.0-SNAPSHOT")).anySatisfy(p -> assertThat(p)
                .contains("app/00001-items.sqlite.sql").contains("shipped and is gone"));
    }

    @Test
    void aShippedReleaseMustRecordItsHashes() {
        manifest.replaceAll(line -> line.replaceAll("\t[0-9a-f]{64}$", "\t-"));
        assertThat(check("0.1.0-SNAPSHOT")).isEmpty();
        assertThat(check("0.2.0-SNAPSHOT")).hasSize(2)
                .allSatisfy(p -> assertThat(p).contains("shipped without a recorded hash"));
    }

    @Test
    void aReleaseBuildMustListWhatItShipsAndSaysTheLine() {
        addSecond("");
        List<String> problems = check("0.2.0");
        assertThat(problems).hasSize(2).allSatisfy(p -> assertThat(p).contains("is not in app.tsv")
                .contains("release 0.2.0 ships it, so record it: 0.2.0\tapp\t2\t00002-tags."));
        manifest.addAll(ReleasePolicy.freezeLines(app("0.2.0"), Release.parse("0.2.0")));
        assertThat(check("0.2.0")).isEmpty();
    }

    @Test
    void aManifestCannotNameALaterReleaseNorSlipAVersionIntoAShippedOne() {
        addSecond("");
        manifest.addAll(ReleasePolicy.freezeLines(app("0.2.0"), Release.parse("0.3.0")));
        assertThat(check("0.2.0-SNAPSHOT")).anySatisfy(p -> assertThat(p)
                .contains("names a release newer than the project's version 0.2.0-SNAPSHOT"));
        manifest.clear();
        manifest.addAll(ReleasePolicy.freezeLines(app("0.2.0"), Release.parse("0.2.0")).stream()
                .filter(l -> l.contains("00001")).toList());
        manifest.addAll(ReleasePolicy.freezeLines(app("0.2.0"), Release.parse("0.1.0")).stream()
                .filter(l -> l.contains("00002")).toList());
        assertThat(check("0.3.0-SNAPSHOT")).anySatisfy(p -> assertThat(p).contains("versions must rise with releases"));
    }

    @Test
    void aSubsystemWithoutReleasesIsNotChecked() {
        addSecond("");
        Subsystem plain = new Subsystem("app", new DirectorySource(sqlite.dir()));
        assertThat(ReleasePolicy.check(List.of(plain), Release.parse("0.1.1"))).isEmpty();
    }

    @Test
    void aBadManifestLineIsNamed() {
        assertThatThrownBy(() -> ReleaseManifest.parse("app.tsv", "# header\n0.1.0\tapp\t1\tx.sql\n"))
                .isInstanceOf(MigrationSourceException.class).hasMessageContaining("line 2 in release manifest app.tsv");
        assertThatThrownBy(() -> ReleaseManifest.parse("app.tsv", "0.1.0\tapp\t1\tx.sql\tABC\n"))
                .isInstanceOf(MigrationSourceException.class).hasMessageContaining("not a lowercase hex SHA-256");
    }
}
