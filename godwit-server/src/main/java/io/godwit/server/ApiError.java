package io.godwit.server;

import io.godwit.store.StoreException;

/**
 * A refusal the client gets as Chroma's {@code {"error": NAME, "message": TEXT}} with an HTTP status.
 * The message is written for people and names what to fix; it never holds a stack trace or a
 * library's message.
 */
final class ApiError extends RuntimeException {
    final int status;
    final String error;

    ApiError(int status, String error, String message) {
        super(message, null, false, false);
        this.status = status;
        this.error = error;
    }

    static ApiError of(StoreException e) {
        return new ApiError(e.kind().httpStatus, e.kind().errorName, oneLine(e.getMessage()));
    }

    static ApiError invalid(String message) {
        return of(StoreException.invalid(message));
    }

    static ApiError notFound(String message) {
        return new ApiError(404, StoreException.Kind.NOT_FOUND.errorName, message);
    }

    static ApiError tooLarge(long limit) {
        return new ApiError(413, StoreException.Kind.TOO_LARGE.errorName, "The request body is larger than the server's"
                + " limit of " + limit + " bytes; send fewer records per request (or start the server with a larger"
                + " --max-body-mib)");
    }

    static ApiError unauthorized() {
        return new ApiError(401, StoreException.Kind.UNAUTHORIZED.errorName, "This server needs a token: send"
                + " `Authorization: Bearer TOKEN` or `X-Chroma-Token: TOKEN`");
    }

    static ApiError v1Gone() {
        return new ApiError(410, "Unimplemented", "The v1 API is deprecated. Please use /v2 apis");
    }

    static ApiError shuttingDown() {
        return new ApiError(503, StoreException.Kind.BUSY.errorName, "The server is shutting down; retry on another"
                + " instance or after it restarts");
    }

    /** A multi-line message (an engine error) on one line. */
    static String oneLine(String message) {
        return message == null ? "" : message.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
