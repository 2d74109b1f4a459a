package io.godwit.store.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.godwit.store.DeleteRequest;
import io.godwit.store.GetRequest;
import io.godwit.store.GetResult;
import io.godwit.store.Include;
import io.godwit.store.QueryRequest;
import io.godwit.store.QueryResult;
import io.godwit.store.RecordBatch;
import io.godwit.store.StoreException;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import static io.godwit.store.http.JsonValues.NODES;
import static io.godwit.store.http.JsonValues.absent;

/**
 * The record routes' bodies in Chroma's API v2 (add, update, upsert, delete, get, query), both ways.
 * Field names and defaults are Chroma's: {@code where_document}, {@code n_results} (default 10),
 * {@code include} (get: documents, metadatas; query: plus distances); answers carry every list,
 * {@code null} for those not included, and echo {@code include}.
 */
public final class RecordsJson {
    private RecordsJson() {
    }

    // Requests, read by the server.

    /** An add, update or upsert body; {@code embeddings} may be absent (update) or hold nulls. */
    public static RecordBatch batch(JsonNode body) {
        ObjectNode o = JsonValues.object(body, "body");
        List<String> ids = JsonValues.optionalStrings(o.get("ids"), "ids");
        if (ids == null) {
            throw StoreException.invalid("ids: missing; give the list of record ids");
        }
        return RecordBatch.of(ids)
                .embeddings(JsonValues.embeddings(o.get("embeddings"), "embeddings"))
                .documents(JsonValues.optionalNullableStrings(o.get("documents"), "documents"))
                .metadatas(JsonValues.metadatas(o.get("metadatas"), "metadatas"))
                .uris(JsonValues.optionalNullableStrings(o.get("uris"), "uris"));
    }

    /** A delete body; Chroma's newer {@code limit} is refused rather than ignored, so no call deletes more than asked. */
    public static DeleteRequest delete(JsonNode body) {
        ObjectNode o = JsonValues.object(body, "body");
        if (!absent(o.get("limit"))) {
            throw StoreException.invalid("limit: not supported on delete; delete by ids, or narrow the where filter");
        }
        return new DeleteRequest(JsonValues.optionalStrings(o.get("ids"), "ids"),
                JsonValues.filter(o.get("where"), "where"), JsonValues.filter(o.get("where_document"), "where_document"));
    }

    public static GetRequest get(JsonNode body) {
        ObjectNode o = JsonValues.object(body, "body");
        Integer offset = JsonValues.optionalInt(o.get("offset"), "offset", 0);
        return new GetRequest(JsonValues.optionalStrings(o.get("ids"), "ids"),
                JsonValues.filter(o.get("where"), "where"), JsonValues.filter(o.get("where_document"), "where_document"),
                JsonValues.optionalInt(o.get("limit"), "limit", 0), offset == null ? 0 : offset,
                include(o.get("include"), Include.getDefault()));
    }

    public static QueryRequest query(JsonNode body) {
        ObjectNode o = JsonValues.object(body, "body");
        if (absent(o.get("query_embeddings"))) {
            throw StoreException.invalid("query_embeddings: missing; give one or more query vectors");
        }
        List<float[]> embeddings = JsonValues.embeddings(o.get("query_embeddings"), "query_embeddings");
        for (int i = 0; i < embeddings.size(); i++) {
            if (embeddings.get(i) == null) {
                throw StoreException.invalid("query_embeddings[" + i + "]: expected a vector, got null");
            }
        }
        Integer n = JsonValues.optionalInt(o.get("n_results"), "n_results", 0);
        return new QueryRequest(embeddings, null, n == null ? QueryRequest.DEFAULT_N_RESULTS : n,
                JsonValues.optionalStrings(o.get("ids"), "ids"), JsonValues.filter(o.get("where"), "where"),
                JsonValues.filter(o.get("where_document"), "where_document"),
                include(o.get("include"), Include.queryDefault()));
    }

    /** The include list in the order given (the answer echoes it), or the default when absent. */
    static Set<Include> include(JsonNode node, Set<Include> fallback) {
        List<String> names = JsonValues.optionalStrings(node, "include");
        if (names == null) {
            return fallback;
        }
        Set<Include> out = new LinkedHashSet<>();
        for (String name : names) {
            out.add(Include.fromWireName(name));
        }
        return out;
    }

    // Requests, written by the client.

    public static ObjectNode writeBatch(RecordBatch batch) {
        ObjectNode o = NODES.objectNode();
        o.set("ids", strings(batch.ids()));
        if (batch.embeddings() != null) {
            ArrayNode embeddings = o.putArray("embeddings");
            batch.embeddings().forEach(e -> embeddings.add(e == null ? NODES.nullNode() : JsonValues.writeEmbedding(e)));
        }
        if (batch.documents() != null) {
            o.set("documents", strings(batch.documents()));
        }
        if (batch.metadatas() != null) {
            ArrayNode metadatas = o.putArray("metadatas");
            batch.metadatas().forEach(m -> metadatas.add(m == null ? NODES.nullNode() : JsonValues.writeMetadata(m)));
        }
        if (batch.uris() != null) {
            o.set("uris", strings(batch.uris()));
        }
        return o;
    }

    public static ObjectNode writeDelete(DeleteRequest request) {
        ObjectNode o = NODES.objectNode();
        putFilters(o, request.ids(), request.where(), request.whereDocument());
        return o;
    }

    public static ObjectNode writeGet(GetRequest request) {
        ObjectNode o = NODES.objectNode();
        putFilters(o, request.ids(), request.where(), request.whereDocument());
        if (request.limit() != null) {
            o.put("limit", request.limit());
        }
        o.put("offset", request.offset());
        o.set("include", includes(request.include() == null ? Include.getDefault() : request.include()));
        return o;
    }

    public static ObjectNode writeQuery(QueryRequest request, List<float[]> embeddings) {
        ObjectNode o = NODES.objectNode();
        ArrayNode vectors = o.putArray("query_embeddings");
        embeddings.forEach(e -> vectors.add(JsonValues.writeEmbedding(e)));
        o.put("n_results", request.nResults());
        putFilters(o, request.ids(), request.where(), request.whereDocument());
        o.set("include", includes(request.include() == null ? Include.queryDefault() : request.include()));
        return o;
    }

    private static void putFilters(ObjectNode o, List<String> ids, Map<String, Object> where,
                                   Map<String, Object> whereDocument) {
        if (ids != null) {
            o.set("ids", strings(ids));
        }
        if (where != null) {
            o.set("where", JsonValues.writeValue(where));
        }
        if (whereDocument != null) {
            o.set("where_document", JsonValues.writeValue(whereDocument));
        }
    }

    // Answers, written by the server.

    public static ObjectNode writeGetResult(GetResult r) {
        ObjectNode o = NODES.objectNode();
        o.set("ids", strings(r.ids()));
        o.set("embeddings", list(r.embeddings(), JsonValues::writeEmbedding));
        o.set("documents", list(r.documents(), NODES::textNode));
        o.set("uris", list(r.uris(), NODES::textNode));
        o.set("metadatas", list(r.metadatas(), JsonValues::writeMetadataOrNull));
        o.set("include", includes(r.include()));
        return o;
    }

    public static ObjectNode writeQueryResult(QueryResult r) {
        ObjectNode o = NODES.objectNode();
        o.set("ids", nested(r.ids(), NODES::textNode));
        o.set("embeddings", nested(r.embeddings(), JsonValues::writeEmbedding));
        o.set("documents", nested(r.documents(), NODES::textNode));
        o.set("uris", nested(r.uris(), NODES::textNode));
        o.set("metadatas", nested(r.metadatas(), JsonValues::writeMetadataOrNull));
        o.set("distances", nested(r.distances(), NODES::numberNode));
        o.set("include", includes(r.include()));
        return o;
    }

    private static ArrayNode includes(Set<Include> include) {
        ArrayNode node = NODES.arrayNode();
        include.forEach(i -> node.add(i.wireName()));
        return node;
    }

    private static ArrayNode strings(List<String> values) {
        return (ArrayNode) list(values, NODES::textNode);
    }

    private static <T> JsonNode list(List<T> values, Function<T, JsonNode> write) {
        if (values == null) {
            return NODES.nullNode();
        }
        ArrayNode node = NODES.arrayNode(values.size());
        for (T v : values) {
            node.add(v == null ? NODES.nullNode() : write.apply(v));
        }
        return node;
    }

    private static <T> JsonNode nested(List<List<T>> values, Function<T, JsonNode> write) {
        if (values == null) {
            return NODES.nullNode();
        }
        ArrayNode node = NODES.arrayNode(values.size());
        values.forEach(inner -> node.add(list(inner, write)));
        return node;
    }

    // Answers, read by the client.

    public static GetResult readGetResult(JsonNode body) {
        ObjectNode o = JsonValues.object(body, "answer");
        return new GetResult(JsonValues.optionalStrings(o.get("ids"), "ids"),
                JsonValues.embeddings(o.get("embeddings"), "embeddings"),
                JsonValues.optionalNullableStrings(o.get("documents"), "documents"),
                JsonValues.metadatas(o.get("metadatas"), "metadatas"),
                JsonValues.optionalNullableStrings(o.get("uris"), "uris"),
                include(o.get("include"), Set.of()));
    }

    public static QueryResult readQueryResult(JsonNode body) {
        ObjectNode o = JsonValues.object(body, "answer");
        return new QueryResult(perQuery(o.get("ids"), "ids", JsonValues::optionalStrings),
                perQuery(o.get("embeddings"), "embeddings", JsonValues::embeddings),
                perQuery(o.get("documents"), "documents", JsonValues::optionalNullableStrings),
                perQuery(o.get("metadatas"), "metadatas", JsonValues::metadatas),
                perQuery(o.get("uris"), "uris", JsonValues::optionalNullableStrings),
                perQuery(o.get("distances"), "distances", RecordsJson::distances),
                include(o.get("include"), Set.of()));
    }

    private interface Reader<T> {
        List<T> read(JsonNode node, String path);
    }

    private static <T> List<List<T>> perQuery(JsonNode node, String path, Reader<T> reader) {
        if (absent(node)) {
            return null;
        }
        ArrayNode array = JsonValues.array(node, path);
        List<List<T>> out = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            out.add(reader.read(array.get(i), path + "[" + i + "]"));
        }
        return out;
    }

    private static List<Float> distances(JsonNode node, String path) {
        ArrayNode array = JsonValues.array(node, path);
        List<Float> out = new ArrayList<>(array.size());
        array.forEach(d -> out.add(d.isNull() ? null : d.floatValue()));
        return out;
    }
}
