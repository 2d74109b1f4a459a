package io.godwit.dialect.sqlite;

import io.godwit.contract.MigrationContractTest;
import io.godwit.spi.Database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

/** The engine's contract on a real SQLite file. A snapshot is the file's bytes: "unchanged" means byte-identical. */
class SqliteContractTest extends MigrationContractTest {

    @Override
    protected Database freshDatabase() {
        return new SqliteDatabase(temp.resolve("db").resolve("godwit.sqlite3"), Duration.ofSeconds(5));
    }

    @Override
    protected String scope() {
        return "sqlite";
    }

    @Override
    protected String snapshot(Database db) {
        Path file = ((SqliteDatabase) db).file();
        if (!Files.exists(file)) {
            return "absent";
        }
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
