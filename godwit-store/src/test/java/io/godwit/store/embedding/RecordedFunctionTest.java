package io.godwit.store.embedding;

import io.godwit.store.StoreException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecordedFunctionTest {

    private final ColorHistogramEmbeddingFunction four = new ColorHistogramEmbeddingFunction(4);

    @Test
    void theRecordedFunctionAndAbsentOrLegacyRecordsAreAccepted() {
        assertThatCode(() -> RecordedFunction.check("c", four.descriptor(), four)).doesNotThrowAnyException();
        assertThatCode(() -> RecordedFunction.check("c", null, four)).doesNotThrowAnyException();
        assertThatCode(() -> RecordedFunction.check("c", Map.of("type", "legacy"), four)).doesNotThrowAnyException();
        assertThatCode(() -> RecordedFunction.check("c", four.descriptor(), null)).doesNotThrowAnyException();
        Map<String, Object> readBack = Map.of("type", "known", "name", "godwit_color_histogram",
                "config", Map.of("bins_per_channel", 4L));
        assertThatCode(() -> RecordedFunction.check("c", readBack, four)).as("4L is 4").doesNotThrowAnyException();
    }

    @Test
    void anotherNameOrConfigIsRefusedNamingBoth() {
        Map<String, Object> chromaDefault = Map.of("type", "known", "name", "default", "config", Map.of());
        assertThatThrownBy(() -> RecordedFunction.check("birds", chromaDefault, four))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("collection 'birds' was made with the embedding function 'default' (config {})")
                .hasMessageContaining("not 'godwit_color_histogram' (config {bins_per_channel=4})")
                .hasMessageContaining("allowOtherEmbeddingFunction");
        assertThatThrownBy(() -> RecordedFunction.check("birds", four.descriptor(), new ColorHistogramEmbeddingFunction(2)))
                .isInstanceOf(StoreException.class).hasMessageContaining("(config {bins_per_channel=2})");
    }
}
