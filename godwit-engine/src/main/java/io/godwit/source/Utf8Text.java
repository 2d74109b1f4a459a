package io.godwit.source;

import io.godwit.MigrationSourceException;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes a migration file's bytes as UTF-8, strictly: a file that is not valid UTF-8 is a bad
 * source naming the file, the byte offset of the first bad sequence and its line, never the
 * decoder's "Input length = 3". Replacing bad bytes instead would change what runs and its hash.
 */
final class Utf8Text {
    private Utf8Text() {
    }

    static String decode(byte[] bytes, String where) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int offset = in.position();
            throw new MigrationSourceException("Migration file " + where + " is not valid UTF-8: the "
                    + result.length() + " byte(s) at byte offset " + offset + " (line " + line(bytes, offset)
                    + ") are not a UTF-8 character. Migration files are read as UTF-8: save the file in that encoding.");
        }
        return out.flip().toString();
    }

    private static int line(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }
}
