package io.godwit.store.http;

import io.godwit.GodwitException;

/**
 * The Godwit server answered a request with an error. The message is the server's, written for
 * users; {@link #status()} and {@link #error()} let a caller tell a refusal it can correct (400
 * {@code InvalidArgument}, 404 {@code CollectionNotFound}, 409 {@code AlreadyExists}) from a
 * failure of the server (500 {@code InternalError}). the README (Server and HTTP client) lists the codes.
 */
public class HttpStoreError extends GodwitException {
    private final int status;
    private final String error;

    public HttpStoreError(int status, String error, String message) {
        super(message);
        this.status = status;
        this.error = error;
    }

    /** The HTTP status code, e.g. 404. */
    public int status() {
        return status;
    }

    /** The server's error code, e.g. {@code CollectionNotFound}; {@code HttpStatus} when the body was not the server's JSON. */
    public String error() {
        return error;
    }
}
