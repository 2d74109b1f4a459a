package io.godwit.server;

import java.util.List;

/**
 * Routes of Chroma's API v2 that Godwit does not serve, answered as single-node Chroma answers
 * those it cannot serve: 501 {@code {"error": "Unimplemented", "message"}}, the message saying what
 * to use instead, so that a client sees a clear refusal instead of a 404 for a route it knows.
 * Checked against Chroma's source (rust/frontend/src/server.rs); the table of differences lists each.
 */
final class UnsupportedRoutes {
    private static final String COLLECTION = CollectionRoutes.COLLECTIONS + "/{collection}";

    List<Route> routes() {
        return List.of(
                unsupported("POST", COLLECTION + "/fork", "Forking a collection is not supported by Godwit (nor by"
                        + " single-node Chroma); copy its records into a new collection with get and add"),
                unsupported("GET", COLLECTION + "/fork_count", "Forks are not supported by Godwit, so there is no"
                        + " fork count"),
                unsupported("POST", COLLECTION + "/search", "The search API (rank expressions) is not supported by"
                        + " Godwit (nor by single-node Chroma); use query"),
                unsupported("GET", COLLECTION + "/indexing_status", "Godwit has no indexing status: a write is in the"
                        + " index once its call returns"),
                unsupported("POST", COLLECTION + "/conditional/get", "Conditional reads are not supported by Godwit;"
                        + " use get"),
                unsupported("POST", COLLECTION + "/conditional/commit", "Conditional writes are not supported by"
                        + " Godwit; use add, update, upsert or delete"),
                unsupported("POST", COLLECTION + "/functions/attach", "Attached functions are not supported by Godwit"),
                unsupported("GET", COLLECTION + "/functions/{function}", "Attached functions are not supported by Godwit"),
                unsupported("POST", COLLECTION + "/attached_functions/{function}/add_input", "Attached functions are"
                        + " not supported by Godwit"),
                unsupported("POST", COLLECTION + "/attached_functions/{function}/detach", "Attached functions are not"
                        + " supported by Godwit"),
                unsupported("GET", "/api/v2/collections/{crn}", "Chroma resource names (CRN) are Chroma Cloud's; get"
                        + " the collection by tenant, database and name (or by-id)"));
    }

    private static Route unsupported(String method, String pattern, String message) {
        return new Route(method, pattern, "Not served by Godwit: 501 (" + message + ")", false, r -> {
            throw new ApiError(501, "Unimplemented", message);
        });
    }
}
