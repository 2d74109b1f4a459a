package io.godwit.store.release;

import io.godwit.release.Release;
import io.godwit.release.ReleaseManifest;
import io.godwit.release.ReleasePolicy;
import io.godwit.store.BuiltinReleases;
import io.godwit.store.BuiltinSubsystems;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * The build-time gate: the built-in migrations as this project's version would ship them keep the
 * release policy (ReleasePolicyTest in the engine proves each failure on crafted manifests). When
 * this fails, the message names the file and what to do: bump the version, move the change to a
 * new migration, or record a shipping release's hashes in releases.tsv.
 */
class BuiltinReleasePolicyTest {

    @Test
    void theBuiltinMigrationsKeepThePolicyAtTheProjectsVersion() {
        Release project = Release.godwit().orElseThrow();
        assertThatCode(() -> ReleasePolicy.requireCompliant(BuiltinSubsystems.all(), project)).doesNotThrowAnyException();
    }

    @Test
    void release010IsTodaysFourteenMigrationsWithTheirHashes() {
        Map<String, Integer> newest = new TreeMap<>();
        ReleaseManifest manifest = BuiltinReleases.manifest();
        manifest.entries().stream().filter(e -> e.release().equals(Release.parse("0.1.0"))).forEach(e -> {
            assertThat(e.sha256()).as(e.file()).isNotNull();
            newest.merge(e.subsystem(), e.version(), Math::max);
        });
        assertThat(newest).isEqualTo(Map.of("sysdb", 6, "embeddings_queue", 4, "metadb", 4));
        // Both scopes of every SQL version, and the one Java migration once.
        assertThat(manifest.entries()).filteredOn(e -> e.release().equals(Release.parse("0.1.0"))).hasSize(27);
    }

    @Test
    void theBuiltinSubsystemsCarryGodwitsVersion() {
        assertThat(BuiltinSubsystems.all()).allSatisfy(s -> assertThat(s.releases().current())
                .isEqualTo(Release.godwit().orElseThrow()));
    }
}
