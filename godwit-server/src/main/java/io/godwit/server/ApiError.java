package io.godwit.server;

/**
 * A refusal the client can act on, answered as {@code {"error": CODE, "message": TEXT}} with its
 * status. Thrown by endpoints and request parsing; the router turns it into the answer. It carries
 * no stack trace: it is an answer, not a failure of the server.
 */
final class ApiError extends RuntimeException {
    private final int status;
    private final String error;

    private ApiError(int status, String error, String message) {
        super(message, null, false, false);
        this.status = status;
        this.error = error;
    }

    /** 400: the request is malformed or does not fit the collection (e.g. a wrong dimension). */
    static ApiError invalid(String message) {
        return new ApiError(400, "InvalidArgument", message);
    }

    /** 404: no collection of that name. */
    static ApiError collectionNotFound(String name) {
        return new ApiError(404, "CollectionNotFound", "Collection " + name + " does not exist");
    }

    /** 404: no endpoint at that path. */
    static ApiError unknownEndpoint(String method, String path) {
        return new ApiError(404, "UnknownEndpoint", "No endpoint " + method + " " + path + " (see the README (Server and HTTP client))");
    }

    /** 405: the path exists, but not with that method. */
    static ApiError methodNotAllowed(String method, String path, String allowed) {
        return new ApiError(405, "MethodNotAllowed", method + " is not allowed on " + path + "; use " + allowed);
    }

    /** 409: a collection or record of that name already exists. */
    static ApiError alreadyExists(String message) {
        return new ApiError(409, "AlreadyExists", message);
    }

    /** 413: a request body past the server's limit. */
    static ApiError tooLarge(long limit) {
        return new ApiError(413, "PayloadTooLarge", "The request body is larger than " + limit + " bytes; send fewer records at a time");
    }

    /** 500: the server failed; the message says what, the server's log says why. */
    static ApiError internal(String message) {
        return new ApiError(500, "InternalError", message);
    }

    int status() {
        return status;
    }

    String error() {
        return error;
    }
}
