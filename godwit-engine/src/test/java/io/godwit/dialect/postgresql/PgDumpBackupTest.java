package io.godwit.dialect.postgresql;

import io.godwit.GodwitException;
import io.godwit.ProgressListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** pg_dump is run as a real process; here a stand-in script records how it was called. */
class PgDumpBackupTest {
    @TempDir
    Path temp;

    @Test
    void withoutPgDumpOnThePathTheErrorSaysSoAndHowToBackUp() {
        PgDumpBackup backup = new PgDumpBackup("jdbc:postgresql://db:5432/app", "u", "p", "public", temp.toString());
        assertThatThrownBy(() -> backup.writeBackup(temp.resolve("x.dump"), ProgressListener.NONE))
                .isInstanceOf(GodwitException.class)
                .hasMessageContaining("pg_dump is not available")
                .hasMessageContaining("pg_dump --format=custom --schema=public --file=FILE");
    }

    @Test
    void pgDumpGetsTheSchemaAndTheDatabaseAndThePasswordOnlyInItsEnvironment() throws Exception {
        Path bin = Files.createDirectories(temp.resolve("bin"));
        Path script = bin.resolve("pg_dump");
        Files.writeString(script, "#!/bin/sh\nprintf '%s\\n' \"$@\" > \"" + temp.resolve("args") + "\"\n"
                + "printf '%s' \"$PGPASSWORD\" > \"" + temp.resolve("password") + "\"\n"
                + "for a in \"$@\"; do case \"$a\" in --file=*) printf dump > \"${a#--file=}\";; esac; done\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path out = temp.resolve("out.dump");

        new PgDumpBackup("jdbc:postgresql://db.example:5433/app?sslmode=require&currentSchema=x", "owner", "s3cret", "godwit",
                "/nonexistent:" + bin).writeBackup(out, ProgressListener.NONE);

        assertThat(Files.readAllLines(temp.resolve("args"))).containsExactly("--format=custom", "--no-password",
                "--schema=godwit", "--file=" + out, "--dbname=postgresql://db.example:5433/app?sslmode=require", "--username=owner");
        assertThat(Files.readString(temp.resolve("password"))).isEqualTo("s3cret");
        assertThat(Files.readString(out)).isEqualTo("dump");
    }

    @Test
    void aFailingPgDumpIsReportedWithItsOutput() throws Exception {
        Path bin = Files.createDirectories(temp.resolve("bin"));
        Path script = bin.resolve("pg_dump");
        Files.writeString(script, "#!/bin/sh\necho 'pg_dump: error: server version mismatch' >&2\nexit 1\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThatThrownBy(() -> new PgDumpBackup("jdbc:postgresql:app", null, null, "public", bin.toString())
                .writeBackup(temp.resolve("x.dump"), ProgressListener.NONE))
                .hasMessageContaining("pg_dump failed with exit code 1: pg_dump: error: server version mismatch");
        assertThat(new PgDumpBackup("jdbc:postgresql:app", null, null, "public", "").libpqUri()).isEqualTo("postgresql:///app");
    }
}
