package io.godwit.store;

import io.godwit.GodwitException;

/**
 * A refused or failed store call. The message names what is wrong (collection, record, field) and
 * what to do; {@link #kind()} says which of Chroma's error classes it is, which the server maps to
 * an HTTP status. A call that throws this has written nothing.
 */
public final class StoreException extends GodwitException {

    /** Chroma's error classes, with the HTTP status and error name its server answers. */
    public enum Kind {
        INVALID_ARGUMENT(400, "InvalidArgumentError"),
        UNAUTHORIZED(401, "AuthError"),
        FORBIDDEN(403, "AuthError"),
        NOT_FOUND(404, "NotFoundError"),
        ALREADY_EXISTS(409, "UniqueConstraintError"),
        TOO_LARGE(413, "PayloadTooLargeError"),
        /** Another process holds the store's write lock past the bounded wait; the message names it. */
        BUSY(503, "ServiceUnavailableError"),
        INTERNAL(500, "InternalError");

        public final int httpStatus;
        public final String errorName;

        Kind(int httpStatus, String errorName) {
            this.httpStatus = httpStatus;
            this.errorName = errorName;
        }
    }

    private final Kind kind;

    public StoreException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public StoreException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public static StoreException invalid(String message) {
        return new StoreException(Kind.INVALID_ARGUMENT, message);
    }

    public static StoreException notFound(String message) {
        return new StoreException(Kind.NOT_FOUND, message);
    }

    public static StoreException exists(String message) {
        return new StoreException(Kind.ALREADY_EXISTS, message);
    }
}
