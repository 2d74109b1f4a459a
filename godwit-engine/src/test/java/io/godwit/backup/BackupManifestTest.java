package io.godwit.backup;

import io.godwit.BackupIntegrityError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackupManifestTest {
    @TempDir
    Path temp;

    @Test
    void aManifestReadsBackAsWrittenWhateverItsPathHolds() throws Exception {
        BackupManifest m = new BackupManifest("sqlite", "b.sqlite3", 12345, "ab".repeat(32), Instant.parse("2025-01-02T03:04:05.678Z"),
                "0.1.0", " C:\\data\\Ünïcode = #1:\tx\ny.sqlite3", BackupKind.BEFORE_MIGRATE, "md5", Map.of("sysdb", 6, "metadb", 4));
        Path backup = temp.resolve("b.sqlite3");

        m.write(backup);

        assertThat(BackupManifest.read(backup)).isEqualTo(m);
        assertThat(Files.readString(BackupManifest.pathOf(backup)))
                .contains("\nformat=sqlite\n", "\nsize=12345\n", "\nkind=before-migrate\n", "\nsubsystem.metadb=4\nsubsystem.sysdb=6\n");
    }

    @Test
    void aMalformedManifestRefusesItsBackup() throws Exception {
        Path backup = temp.resolve("b.sqlite3");
        Files.writeString(BackupManifest.pathOf(backup), "godwit.manifest=1\nformat=sqlite\n");
        assertThatThrownBy(() -> BackupManifest.read(backup)).isInstanceOf(BackupIntegrityError.class)
                .hasMessageContaining("its manifest is malformed").hasMessageContaining("missing file");
    }
}
