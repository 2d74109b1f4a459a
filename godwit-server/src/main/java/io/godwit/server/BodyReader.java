package io.godwit.server;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads request bodies up to a limit, and makes sure the answer to one that is too large arrives.
 *
 * <p>A body over the limit is refused with 413 before it is parsed: by its {@code Content-Length}
 * when it declares one, else once the limit is passed. The answer is sent first, with
 * {@code Connection: close}, and then the rest of the body is read and thrown away ({@link #finish},
 * called by the router after it flushed the answer and before it closes it):
 * closing a connection while the client is still sending makes TCP reset it, and the client would
 * see a reset instead of the 413. Past {@link #drainLimit} bytes the connection is closed anyway.
 */
final class BodyReader {
    private final long limit;
    private final long drainLimit;

    BodyReader(long limit) {
        this.limit = limit;
        this.drainLimit = Math.max(limit * 4, 256L << 20);
    }

    long limit() {
        return limit;
    }

    /** The whole body; ApiError 413 when it is larger than the limit. */
    byte[] read(HttpExchange exchange) {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        if (declared != null && declaredLength(declared) > limit) {
            throw tooLarge(exchange);
        }
        try {
            InputStream in = exchange.getRequestBody();
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (bytes.length > limit) {
                throw tooLarge(exchange);
            }
            return bytes;
        } catch (IOException e) {
            throw ApiError.invalid("The request body could not be read (the connection broke while it was sent)");
        }
    }

    /** After the answer is sent: reads what is left of the body, so closing never resets the connection. */
    void finish(HttpExchange exchange) {
        try {
            InputStream in = exchange.getRequestBody();
            byte[] sink = new byte[64 << 10];
            long drained = 0;
            int n;
            while (drained < drainLimit && (n = in.read(sink)) > 0) {
                drained += n;
            }
        } catch (IOException e) {
            // The client went away; nothing left to protect.
        }
    }

    private ApiError tooLarge(HttpExchange exchange) {
        exchange.getResponseHeaders().set("Connection", "close");
        return ApiError.tooLarge(limit);
    }

    private static long declaredLength(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw ApiError.invalid("Content-Length is not a number");
        }
    }
}
