package io.godwit.store.vector;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * Reads an {@link IndexFile} (big-endian, as {@code DataOutputStream} wrote it) through one 1 MB
 * buffer, checksumming the bytes a buffer at a time: a 100,000-vector file is a few hundred MB
 * read at memory speed, where a {@code DataInputStream} would go through a call per byte. The
 * checksum covers everything but the file's last 4 bytes, which hold it.
 */
final class IndexInput implements AutoCloseable {
    private final FileChannel channel;
    private final long body;
    private final ByteBuffer buf = ByteBuffer.allocate(1 << 20);
    private final CRC32C crc = new CRC32C();
    private long consumed;

    IndexInput(Path file) throws IOException {
        channel = FileChannel.open(file, StandardOpenOption.READ);
        body = channel.size() - Integer.BYTES;
        buf.limit(0);
    }

    /** The file's length. */
    long length() {
        return body + Integer.BYTES;
    }

    int readInt() throws IOException {
        need(Integer.BYTES);
        return buf.getInt();
    }

    long readLong() throws IOException {
        need(Long.BYTES);
        return buf.getLong();
    }

    /** A string written by {@code DataOutputStream.writeUTF} (ASCII here: a space's name). */
    String readUTF() throws IOException {
        need(2);
        int n = buf.getShort() & 0xffff;
        need(n);
        byte[] b = new byte[n];
        buf.get(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    void readFloats(float[] into) throws IOException {
        int at = 0;
        while (at < into.length) {
            need(Float.BYTES);
            int n = Math.min(into.length - at, buf.remaining() / Float.BYTES);
            buf.asFloatBuffer().get(into, at, n);
            buf.position(buf.position() + n * Float.BYTES);
            at += n;
        }
    }

    /** Checks that the body was read to its end and that its checksum is the one stored after it. */
    boolean checksumMatches() throws IOException {
        if (buf.hasRemaining() || consumed != body) {
            return false;
        }
        ByteBuffer stored = ByteBuffer.allocate(Integer.BYTES);
        while (stored.hasRemaining()) {
            if (channel.read(stored, body + stored.position()) < 0) {
                throw new EOFException();
            }
        }
        return (int) crc.getValue() == stored.getInt(0);
    }

    /** Makes at least {@code n} bytes (at most the buffer's size) available, or throws EOFException. */
    private void need(int n) throws IOException {
        if (buf.remaining() >= n) {
            return;
        }
        buf.compact();
        while (buf.position() < n) {
            long left = body - consumed;
            if (left <= 0) {
                throw new EOFException();
            }
            int start = buf.position();
            if (left < buf.remaining()) {
                buf.limit(start + (int) left);
            }
            int read = channel.read(buf);
            if (read < 0) {
                throw new EOFException();
            }
            crc.update(buf.array(), start, read);
            consumed += read;
            buf.limit(buf.capacity());
        }
        buf.flip();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
