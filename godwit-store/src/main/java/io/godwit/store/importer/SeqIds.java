package io.godwit.store.importer;

import java.nio.charset.StandardCharsets;

/**
 * Chroma's log positions (seq_id) as each release stored them: an INTEGER (the log itself, and
 * {@code max_seq_id} from metadb 00005 on), eight big-endian bytes (Python 0.4–0.6 in
 * {@code embeddings.seq_id} and {@code max_seq_id}), or the decimal digits as a BLOB (the Rust
 * server in {@code embeddings.seq_id}).
 */
final class SeqIds {
    private SeqIds() {
    }

    /** The position in {@code value}; 0 for null; -1 when the value has none of the known forms. */
    static long decode(Object value) {
        if (value == null) {
            return 0;
        }
        if (value instanceof Number n) {
            return n.longValue();
        }
        if (value instanceof String s) {
            return digits(s);
        }
        if (value instanceof byte[] bytes) {
            String text = new String(bytes, StandardCharsets.US_ASCII);
            if (!text.isEmpty() && text.chars().allMatch(Character::isDigit)) {
                return digits(text);
            }
            if (bytes.length == 8) {
                long v = 0;
                for (byte b : bytes) {
                    v = (v << 8) | (b & 0xff);
                }
                return v;
            }
        }
        return -1;
    }

    private static long digits(String s) {
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
