package io.godwit.store.embedding.minilm;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.godwit.store.StoreException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.LongBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The loaded model: a tokenizer that truncates at {@link #MAX_TOKENS} and pads a batch to its
 * longest input, and an ONNX Runtime session. Both are safe to call from many threads at once
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

    private MiniLmModel(HuggingFaceTokenizer tokenizer, OrtSession session) {
        this.tokenizer = tokenizer;
        this.session = session;
        this.wantsTokenTypes = session.getInputNames().contains("token_type_ids");
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
        options.put("padding", "true");
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
        }
    }

    /** One vector per text, in order; the batch is padded to its longest text. */
    float[][] embed(List<String> texts) {
        Encoding[] encodings = tokenizer.batchEncode(texts);
        int tokens = encodings[0].getIds().length;
        long[][] mask = new long[encodings.length][];
        LongBuffer ids = LongBuffer.allocate(encodings.length * tokens);
        LongBuffer types = LongBuffer.allocate(encodings.length * tokens);
        LongBuffer attention = LongBuffer.allocate(encodings.length * tokens);
        for (int b = 0; b < encodings.length; b++) {
            ids.put(encodings[b].getIds());
            types.put(encodings[b].getTypeIds());
            mask[b] = encodings[b].getAttentionMask();
            attention.put(mask[b]);
        }
        long[] shape = {encodings.length, tokens};
        try {
            return run(ids.flip(), types.flip(), attention.flip(), shape, mask);
        } catch (OrtException e) {
            throw new StoreException(StoreException.Kind.INTERNAL, "the default embedding function (all-MiniLM-L6-v2) "
                    + "failed on a batch of " + texts.size() + " texts: " + e.getMessage(), e);
        }
    }

    private float[][] run(LongBuffer ids, LongBuffer types, LongBuffer attention, long[] shape, long[][] mask)
            throws OrtException {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OnnxTensor idTensor = OnnxTensor.createTensor(env, ids, shape);
             OnnxTensor maskTensor = OnnxTensor.createTensor(env, attention, shape);
             OnnxTensor typeTensor = OnnxTensor.createTensor(env, types, shape)) {
            Map<String, OnnxTensor> inputs = new HashMap<>();
            inputs.put("input_ids", idTensor);
            inputs.put("attention_mask", maskTensor);
            if (wantsTokenTypes) {
                inputs.put("token_type_ids", typeTensor);
            }
            try (OrtSession.Result result = session.run(inputs)) {
                OnnxTensor hidden = (OnnxTensor) result.get(0);
                return MeanPooling.pool(hidden.getFloatBuffer(), mask, (int) shape[1], DIMENSION);
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
