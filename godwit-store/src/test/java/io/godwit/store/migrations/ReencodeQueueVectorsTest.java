package io.godwit.store.migrations;

import io.godwit.Godwit;
import io.godwit.GodwitConfiguration;
import io.godwit.InconsistentHashError;
import io.godwit.JavaMigration;
import io.godwit.Subsystem;
import io.godwit.store.BuiltinSubsystems;
import io.godwit.testing.TestDatabase;
import io.godwit.testing.TestPostgres;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The built-in Java migration embeddings_queue 00004 on real rows, on both dialects. */
class ReencodeQueueVectorsTest {
    @TempDir
    Path temp;

    private String url;
    private String user;
    private String password;

    private GodwitConfiguration.Builder configure(String dialect) {
        if (url == null) {
            if (dialect.equals("sqlite")) {
                url = "jdbc:sqlite:" + temp.resolve("store.sqlite3");
            } else {
                TestDatabase d = TestPostgres.get().createDatabase();
                url = d.url();
                user = d.user();
                password = d.password();
            }
        }
        return Godwit.configure().url(url).user(user).password(password).subsystems(BuiltinSubsystems.all());
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void jsonVectorsBecomePackedFloat32AndOthersAreUntouched(String dialect) throws Exception {
        configure(dialect).target(BuiltinSubsystems.EMBEDDINGS_QUEUE, 3).load().migrate();
        byte[] alreadyPacked = io.godwit.store.Float32Encoding.pack(new float[] {9f, 8f});
        try (Connection c = DriverManager.getConnection(url, user, password);
             PreparedStatement ps = c.prepareStatement(
                     "INSERT INTO embeddings_queue (operation, topic, id, vector, encoding) VALUES (0, 't', ?, ?, ?)")) {
            insert(ps, "a", "[0.25, -1.5, 3]".getBytes(StandardCharsets.UTF_8), "JSON");
            insert(ps, "b", "[]".getBytes(StandardCharsets.UTF_8), "JSON");
            insert(ps, "c", alreadyPacked, "FLOAT32");
            insert(ps, "d", null, "JSON");
        }

        assertThat(configure(dialect).load().migrate().applied()).extracting(a -> a.filename())
                .contains("00004-reencode-vectors.java");

        try (Connection c = DriverManager.getConnection(url, user, password);
             ResultSet rs = c.createStatement().executeQuery("SELECT id, vector, encoding FROM embeddings_queue ORDER BY id")) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                byte[] v = rs.getBytes(2);
                rows.add(rs.getString(1) + ":" + rs.getString(3) + ":" + (v == null ? "null" : floats(v)));
            }
            assertThat(rows).containsExactly("a:FLOAT32:[0.25, -1.5, 3.0]", "b:FLOAT32:[]", "c:FLOAT32:[9.0, 8.0]", "d:FLOAT32:null");
        }
        configure(dialect).load().validate();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void aChangedChecksumOfAnAppliedJavaMigrationIsInconsistent(String dialect) {
        configure(dialect).load().migrate();
        JavaMigration changed = new ReencodeQueueVectors("json-to-float32-le-v2");
        Subsystem queue = new Subsystem(BuiltinSubsystems.EMBEDDINGS_QUEUE,
                BuiltinSubsystems.of(BuiltinSubsystems.EMBEDDINGS_QUEUE).source()).with(changed);

        assertThatThrownBy(() -> Godwit.configure().url(url).user(user).password(password).subsystem(queue).load().validate())
                .isInstanceOf(InconsistentHashError.class).hasMessageContaining("00004-reencode-vectors.java");
        assertThat(changed.scopes()).isEqualTo(Set.of("sqlite", "postgresql"));
    }

    private static void insert(PreparedStatement ps, String id, byte[] vector, String encoding) throws Exception {
        ps.setString(1, id);
        ps.setBytes(2, vector);
        ps.setString(3, encoding);
        ps.executeUpdate();
    }

    private static String floats(byte[] bytes) {
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        List<Float> values = new ArrayList<>();
        while (buf.hasRemaining()) {
            values.add(buf.getFloat());
        }
        return values.toString();
    }
}
