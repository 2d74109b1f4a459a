package io.godwit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HashAlgorithmTest {
    private static final String LF = "CREATE TABLE t (x INTEGER);\nINSERT INTO t VALUES (1);\n";

    @Test
    void crlfBomAndLfGiveTheSameHash() {
        String crlf = LF.replace("\n", "\r\n");
        String bom = "\uFEFF" + crlf;
        for (HashAlgorithm a : HashAlgorithm.values()) {
            assertThat(a.hash(HashAlgorithm.normalize(crlf))).isEqualTo(a.hash(HashAlgorithm.normalize(LF)));
            assertThat(a.hash(HashAlgorithm.normalize(bom))).isEqualTo(a.hash(HashAlgorithm.normalize(LF)));
        }
    }

    @Test
    void hashesAreLowercaseHexOfTheUtf8Text() {
        assertThat(HashAlgorithm.MD5.hash("")).isEqualTo("d41d8cd98f00b204e9800998ecf8427e");
        assertThat(HashAlgorithm.SHA256.hash("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(HashAlgorithm.MD5.hash("é")).isEqualTo("66ddcd97cfdeabb2f6fb8a999b4bc76f");
        assertThat(HashAlgorithm.MD5.produced(HashAlgorithm.MD5.hash("x"))).isTrue();
        assertThat(HashAlgorithm.SHA256.produced(HashAlgorithm.MD5.hash("x"))).isFalse();
    }

    @Test
    void aChangeInsideALineChangesTheHash() {
        assertThat(HashAlgorithm.MD5.hash(LF)).isNotEqualTo(HashAlgorithm.MD5.hash(LF.replace("1", "2")));
    }

    @Test
    void namesParseAndUnknownOnesAreABadSource() {
        assertThat(HashAlgorithm.parse("SHA256")).isEqualTo(HashAlgorithm.SHA256);
        assertThat(HashAlgorithm.parse("sha-256")).isEqualTo(HashAlgorithm.SHA256);
        assertThat(HashAlgorithm.parse(" md5 ")).isEqualTo(HashAlgorithm.MD5);
        assertThatThrownBy(() -> HashAlgorithm.parse("sha1")).isInstanceOf(MigrationSourceException.class)
                .hasMessageContaining("sha1").extracting(e -> ((GodwitException) e).exitCode()).isEqualTo(7);
    }
}
