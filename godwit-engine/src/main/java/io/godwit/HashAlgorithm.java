package io.godwit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * How a migration's text is fingerprinted in the history. The hash is taken over the text as UTF-8
 * after {@link #normalize}: a leading BOM dropped and every carriage return removed, so that a
 * checkout with CRLF line endings does not look modified (Python's universal newlines, which Chroma
 * relies on, give the same text).
 */
public enum HashAlgorithm {
    MD5("MD5", 32),
    SHA256("SHA-256", 64);

    private final String jcaName;
    private final int hexLength;

    HashAlgorithm(String jcaName, int hexLength) {
        this.jcaName = jcaName;
        this.hexLength = hexLength;
    }

    /** Parses {@code md5} or {@code sha256}; anything else is a bad migration source (exit 7). */
    public static HashAlgorithm parse(String text) {
        String key = text.trim().toLowerCase(Locale.ROOT).replace("-", "");
        switch (key) {
            case "md5": return MD5;
            case "sha256": return SHA256;
            default: throw new MigrationSourceException(
                    "Unknown hash algorithm '" + text + "': use md5 or sha256");
        }
    }

    /** The text a migration is hashed, stored and executed as. */
    public static String normalize(String text) {
        String s = text.startsWith("\uFEFF") ? text.substring(1) : text;
        return s.indexOf('\r') < 0 ? s : s.replace("\r", "");
    }

    /** One digest per thread and algorithm: looking a provider up per file costs more than the hashing. */
    private final ThreadLocal<MessageDigest> digests = ThreadLocal.withInitial(this::newDigest);

    /** Lowercase hex digest of already-normalized text. */
    public String hash(String normalizedText) {
        byte[] digest = digests.get().digest(normalizedText.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest);
    }

    private MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance(jcaName);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("JDK lacks " + jcaName, e);
        }
    }

    /** True when a stored hash has this algorithm's length: tells md5 and sha256 histories apart. */
    public boolean produced(String storedHash) {
        return storedHash != null && storedHash.length() == hexLength;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
