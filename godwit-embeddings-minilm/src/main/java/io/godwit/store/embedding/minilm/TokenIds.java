package io.godwit.store.embedding.minilm;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.TokenizersLibrary;

import java.util.List;

/**
 * The token ids of a batch of texts, each truncated by the tokenizer and not padded (the model's
 * inputs pad them, {@code MiniLmModel.run}). Goes to DJL's JNI binding directly, because
 * {@code HuggingFaceTokenizer.batchEncode} also copies out, per text, its tokens as strings, word
 * ids, character spans and masks, which the model does not need: measured, that was a third of the
 * tokenising time at batch 1. Thread-safe, as the Rust tokenizer's batch encoding is.
 */
final class TokenIds {

    private TokenIds() {
    }

    /** One array of ids per text, {@code [CLS] ... [SEP]}, at most the tokenizer's maximum length. */
    static long[][] of(HuggingFaceTokenizer tokenizer, List<String> texts) {
        TokenizersLibrary lib = TokenizersLibrary.LIB;
        long[] encodings = lib.batchEncode(tokenizer.getHandle(), texts.toArray(new String[0]), true);
        long[][] ids = new long[encodings.length][];
        try {
            for (int i = 0; i < encodings.length; i++) {
                ids[i] = lib.getTokenIds(encodings[i]);
            }
        } finally {
            for (long encoding : encodings) {
                lib.deleteEncoding(encoding);
            }
        }
        return ids;
    }
}
