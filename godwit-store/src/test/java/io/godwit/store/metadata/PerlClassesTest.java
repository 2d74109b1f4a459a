package io.godwit.store.metadata;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code \w}, {@code \d} and {@code \s} in $regex are Unicode-aware, as in Chroma's Rust regex; the rest of a pattern is untouched. */
class PerlClassesTest {

    @Test
    void perlClassesMatchUnicodeLettersDigitsAndSpaces() {
        assertThat(matches("^\\w+$", "über")).isTrue();
        assertThat(matches("^\\w+$", "日本語")).isTrue();
        assertThat(matches("^\\d$", "٣")).isTrue();                 // ARABIC-INDIC DIGIT THREE
        assertThat(matches("a\\sb", "a\u00A0b")).isTrue();          // NO-BREAK SPACE
        assertThat(matches("^\\W$", "ü")).isFalse();
        assertThat(matches("^\\D$", "٣")).isFalse();
        assertThat(matches("^\\S$", "\u2003")).isFalse();           // EM SPACE
        assertThat(matches("^[\\w-]+$", "über-all")).isTrue();
        assertThat(matches("^[^\\w\\s]$", "ü")).isFalse();
        assertThat(matches("^[^\\w\\s]$", "!")).isTrue();
    }

    @Test
    void escapesLiteralsAndClassesAreCopiedAsWritten() {
        assertThat(PerlClasses.unicode("a\\\\w[]w]\\.\\p{Greek}[[:alpha:]]")).isEqualTo("a\\\\w[]w]\\.\\p{Greek}[[:alpha:]]");
        assertThat(matches("\\\\w", "\\w")).isTrue();                // an escaped backslash, then a plain w
        assertThat(matches("^[]w]+$", "]w")).isTrue();
    }

    private static boolean matches(String pattern, String document) {
        return RecordFilter.parse(null, Map.of("$regex", pattern)).matchesDocument(document);
    }
}
