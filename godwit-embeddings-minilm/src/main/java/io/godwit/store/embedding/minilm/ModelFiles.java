package io.godwit.store.embedding.minilm;

import io.godwit.store.StoreException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Where the model file ({@code .onnx}) and its {@code tokenizer.json} come from: by default the
 * class path resources of the Maven artifact {@link #ARTIFACT} (nothing is downloaded, ever); or two
 * files on disk. Every failure to read them names the artifact or the files and what to do.
 */
public final class ModelFiles {

    /** The Maven coordinates (with version) of the artifact that ships the default model. */
    public static final String ARTIFACT;
    private static final String ONNX_RESOURCE;
    private static final String TOKENIZER_RESOURCE;

    static {
        Properties p = new Properties();
        try (InputStream in = ModelFiles.class.getResourceAsStream("model.properties")) {
            p.load(in);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("godwit-embeddings-minilm is damaged: model.properties is unreadable", e);
        }
        ARTIFACT = p.getProperty("artifact");
        ONNX_RESOURCE = p.getProperty("onnx");
        TOKENIZER_RESOURCE = p.getProperty("tokenizer");
    }

    private interface Opener {
        InputStream open() throws IOException;
    }

    private interface Sizer {
        long size() throws IOException;
    }

    private final String origin;
    private final Opener onnx;
    private final Sizer onnxSize;
    private final Opener tokenizer;

    private ModelFiles(String origin, Opener onnx, Sizer onnxSize, Opener tokenizer) {
        this.origin = origin;
        this.onnx = onnx;
        this.onnxSize = onnxSize;
        this.tokenizer = tokenizer;
    }

    /** The model shipped by {@link #ARTIFACT}, found through this module's class loader. */
    public static ModelFiles bundled() {
        return fromClassLoader(ModelFiles.class.getClassLoader());
    }

    /** The model shipped by {@link #ARTIFACT}, found through {@code loader}. */
    public static ModelFiles fromClassLoader(ClassLoader loader) {
        String origin = "the Maven artifact " + ARTIFACT + " (class path resources " + ONNX_RESOURCE + ", "
                + TOKENIZER_RESOURCE + ")";
        return new ModelFiles(origin, () -> resource(loader, ONNX_RESOURCE), () -> resourceSize(loader, ONNX_RESOURCE),
                () -> resource(loader, TOKENIZER_RESOURCE));
    }

    /** A copy of the same model on disk: the {@code .onnx} file and its {@code tokenizer.json}. */
    public static ModelFiles fromPaths(Path onnxFile, Path tokenizerJson) {
        String origin = "the files " + onnxFile.toAbsolutePath() + " and " + tokenizerJson.toAbsolutePath();
        return new ModelFiles(origin, () -> Files.newInputStream(onnxFile), () -> Files.size(onnxFile),
                () -> Files.newInputStream(tokenizerJson));
    }

    /** Says where the model comes from, for messages. */
    public String origin() {
        return origin;
    }

    /**
     * The model file's bytes in native memory, not on the Java heap (ONNX Runtime copies them into
     * its own; the buffer is freed once unreferenced), so that loading does not grow the heap by 90 MB.
     */
    ByteBuffer readModel() {
        try (InputStream in = onnx.open()) {
            long size = onnxSize.size();
            if (size <= 0 || size > Integer.MAX_VALUE) {
                throw new IOException("its size is " + size + " bytes");
            }
            ByteBuffer model = ByteBuffer.allocateDirect((int) size);
            ReadableByteChannel channel = Channels.newChannel(in);
            while (model.hasRemaining() && channel.read(model) >= 0) {
                // Reads until the buffer is full or the stream ends.
            }
            if (model.hasRemaining()) {
                throw new IOException("it ends after " + model.position() + " of " + size + " bytes");
            }
            return model.flip();
        } catch (IOException | UncheckedIOException e) {
            throw unloadable("the model file cannot be read: " + e.getMessage(), e);
        }
    }

    InputStream openTokenizer() {
        try {
            return tokenizer.open();
        } catch (IOException | UncheckedIOException e) {
            throw unloadable("the tokenizer file cannot be read: " + e.getMessage(), e);
        }
    }

    StoreException unloadable(String why, Throwable cause) {
        return new StoreException(StoreException.Kind.INTERNAL, "the default embedding function (all-MiniLM-L6-v2) "
                + "cannot load its model from " + origin + ": " + why
                + ". Put " + ARTIFACT + " on the class path (it is a dependency of godwit-embeddings-minilm)"
                + " or point ModelFiles.fromPaths at an intact copy", cause);
    }

    private static long resourceSize(ClassLoader loader, String name) throws IOException {
        URL url = loader.getResource(name);
        if (url == null) {
            throw new IOException(name + " is not on the class path");
        }
        return url.openConnection().getContentLengthLong();
    }

    private static InputStream resource(ClassLoader loader, String name) throws IOException {
        InputStream in = loader.getResourceAsStream(name);
        if (in == null) {
            throw new IOException(name + " is not on the class path");
        }
        return in;
    }
}
