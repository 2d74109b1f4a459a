package io.godwit.store.embedding.minilm;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.godwit.store.StoreException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The loaded model: a tokenizer that truncates at {@link #MAX_TOKENS}, inputs padded to the
 * longest text of the batch, and an ONNX Runtime session. Both are safe to call from many threads at once
 * (ONNX Runtime's {@code run} and the Rust tokenizer's {@code encode_batch} share no mutable state),
 * so one instance serves every caller. Native memory (about 90 MB) is freed by {@link #close()}.
 */
final class MiniLmModel implements AutoCloseable {

    /**
     * Chroma's default truncates at 256 tokens, [CLS] and [SEP] included: the model's
     * max_seq_length. The tokenizer.json in the artifact says 128, which changes long texts' vectors.
     */
    static final int MAX_TOKENS = 256;
    static final int DIMENSION = 384;

    private final HuggingFaceTokenizer tokenizer;
    private final OrtSession session;
    private final boolean wantsTokenTypes;
    /** The last hidden state: the first output, {@code [batch][tokens][384]}. */
    private final String outputName;
    private final BatchBuffers.Pool pool = new BatchBuffers.Pool();

    private MiniLmModel(HuggingFaceTokenizer tokenizer, OrtSession session) {
        this.tokenizer = tokenizer;
        this.session = session;
        this.wantsTokenTypes = session.getInputNames().contains("token_type_ids");
        this.outputName = session.getOutputNames().iterator().next();
    }

    /** Loads the model; every failure names {@code files}' origin (see {@link ModelFiles#unloadable}). */
    static MiniLmModel load(ModelFiles files, int intraOpThreads) {
        HuggingFaceTokenizer tokenizer = tokenizer(files);
        try {
            return new MiniLmModel(tokenizer, session(files, intraOpThreads));
        } catch (RuntimeException e) {
            tokenizer.close();
            throw e;
        }
    }

    private static HuggingFaceTokenizer tokenizer(ModelFiles files) {
        Map<String, String> options = new HashMap<>();
        options.put("truncation", "true");
        options.put("padding", "false"); // run() pads each batch to its longest text
        options.put("maxLength", Integer.toString(MAX_TOKENS));
        options.put("modelMaxLength", Integer.toString(MAX_TOKENS));
        try (InputStream in = files.openTokenizer()) {
            return HuggingFaceTokenizer.newInstance(in, options);
        } catch (IOException | RuntimeException e) {
            if (e instanceof StoreException s) {
                throw s;
            }
            throw files.unloadable("the tokenizer does not load (" + e.getMessage() + "). DJL unpacks its native "
                    + "tokenizer library into DJL_CACHE_DIR (default ~/.djl.ai, or java.io.tmpdir/.djl.ai when the "
                    + "home directory is not writable): that folder must be writable", e);
        } catch (UnsatisfiedLinkError e) {
            throw files.unloadable("DJL's native tokenizer library does not load (" + e.getMessage()
                    + "); set DJL_CACHE_DIR to a writable folder", e);
        }
    }

    private static OrtSession session(ModelFiles files, int intraOpThreads) {
        ByteBuffer model = files.readModel();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            if (intraOpThreads > 0) {
                options.setIntraOpNumThreads(intraOpThreads);
            }
            return OrtEnvironment.getEnvironment().createSession(model, options);
        } catch (OrtException e) {
            throw files.unloadable("ONNX Runtime refuses the model file (" + e.getMessage() + ")", e);
        } finally {
            DirectMemory.free(model); // the session keeps its own copy of the weights
        }
    }

    /** One vector per text, in order; the batch is padded to its longest text. */
    float[][] embed(List<String> texts) {
        long[][] ids = TokenIds.of(tokenizer, texts);
        BatchBuffers buffers = pool.take();
        try {
            return run(ids, buffers);
        } catch (OrtException e) {
            throw new StoreException(StoreException.Kind.INTERNAL, "the default embedding function (all-MiniLM-L6-v2) "
                    + "failed on a batch of " + texts.size() + " texts: " + e.getMessage(), e);
        } finally {
            pool.give(buffers);
        }
    }

    /**
     * Fills the input tensors in place (ids, then 0 for padding; mask 1 for a real token; type ids
     * all 0, one sentence per row), runs the model into the output buffer and pools it. The tensors
     * are views of {@code buffers}, closed before it is given back.
     */
    private float[][] run(long[][] ids, BatchBuffers buffers) throws OrtException {
        int rows = ids.length;
        int[] lengths = new int[rows];
        for (int b = 0; b < rows; b++) {
            lengths[b] = ids[b].length;
        }
        int tokens = Arrays.stream(lengths).max().orElse(0);
        LongBuffer[] in = buffers.inputs(rows, tokens);
        for (int b = 0; b < rows; b++) {
            for (int t = 0; t < tokens; t++) {
                boolean real = t < lengths[b];
                in[0].put(real ? ids[b][t] : 0L);
                in[1].put(real ? 1L : 0L);
                in[2].put(0L);
            }
        }
        long[] shape = {rows, tokens};
        FloatBuffer hidden = buffers.output(rows, tokens, DIMENSION);
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OnnxTensor idTensor = OnnxTensor.createTensor(env, in[0].clear(), shape);
             OnnxTensor maskTensor = OnnxTensor.createTensor(env, in[1].clear(), shape);
             OnnxTensor typeTensor = OnnxTensor.createTensor(env, in[2].clear(), shape);
             OnnxTensor outTensor = OnnxTensor.createTensor(env, hidden, new long[] {rows, tokens, DIMENSION})) {
            Map<String, OnnxTensor> inputs = new HashMap<>();
            inputs.put("input_ids", idTensor);
            inputs.put("attention_mask", maskTensor);
            if (wantsTokenTypes) {
                inputs.put("token_type_ids", typeTensor);
            }
            try (OrtSession.Result result = session.run(inputs, Map.of(outputName, outTensor))) {
                return MeanPooling.pool(hidden, lengths, tokens, DIMENSION);
            }
        }
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            // Closing frees native memory only; nothing a caller could do about a failure here.
        } finally {
            tokenizer.close();
        }
    }
}
