package io.godwit.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * HTTP/1.1 over a plain socket, for what the JDK client smooths over: a body sent whole whatever the
 * server answers first, and the answer read to the end of the connection, so a test sees exactly
 * what arrived before the server closed it (a reset surfaces as an IOException).
 */
final class RawHttp {
    private RawHttp() {
    }

    /** Sends the request head (without the blank line) and body on a new connection; the whole answer. */
    static String exchange(URI server, String head, byte[] body) throws IOException {
        try (Socket socket = new Socket(server.getHost(), server.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write((head + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    /** A chunked body of {@code size} bytes of {@code fill}, in chunks of 64 KiB, with the last chunk. */
    static byte[] chunked(int size, byte fill) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[64 << 10];
        java.util.Arrays.fill(chunk, fill);
        for (int left = size; left > 0; left -= chunk.length) {
            int n = Math.min(left, chunk.length);
            out.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(chunk, 0, n);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }
}
