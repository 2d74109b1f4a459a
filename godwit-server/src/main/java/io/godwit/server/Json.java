package io.godwit.server;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.io.IOException;

/**
 * The server's JSON: one mapper whose stream limits refuse hostile input while it is read, before any
 * tree is built from it (nesting deeper than {@link #MAX_DEPTH}, numbers longer than
 * {@link #MAX_NUMBER_LENGTH} digits, names longer than {@link #MAX_NAME_LENGTH}). {@code NaN} and
 * {@code Infinity} tokens are read, so that the store refuses them naming the record and the field
 * (what HttpGodwitClient sends for a non-finite query value). Numbers with a fraction are read by
 * Jackson's fast parser (the same values, correctly rounded; a query's 384 floats took a third of a
 * millisecond with the JDK's). Parse failures become
 * 400s in the server's own words, with the position; Jackson's messages never reach a client.
 */
final class Json {
    /** Chroma's filters nest a few levels; 64 leaves room for any real one. */
    static final int MAX_DEPTH = 64;
    static final int MAX_NUMBER_LENGTH = 400;
    static final int MAX_NAME_LENGTH = 65_536;

    /** Thread-safe once configured; shared by all requests. */
    static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    .maxNumberLength(MAX_NUMBER_LENGTH)
                    .maxNameLength(MAX_NAME_LENGTH)
                    .build())
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private Json() {
    }

    /** The body as a tree; an empty body is a missing node (routes without a body ignore it). */
    static JsonNode parse(byte[] body) {
        if (body.length == 0) {
            return MissingNode.getInstance();
        }
        try {
            JsonNode node = MAPPER.readTree(body);
            return node == null ? MissingNode.getInstance() : node;
        } catch (StreamConstraintsException e) {
            throw ApiError.invalid("The request body exceeds the server's JSON limits (nesting depth " + MAX_DEPTH
                    + ", numbers of " + MAX_NUMBER_LENGTH + " digits, names of " + MAX_NAME_LENGTH + " characters)"
                    + at(e));
        } catch (JsonProcessingException e) {
            throw ApiError.invalid("The request body is not valid JSON" + at(e)
                    + "; send one JSON object with Content-Type: application/json");
        } catch (IOException e) {
            throw ApiError.invalid("The request body could not be read");
        }
    }

    static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write an answer", e);
        }
    }

    private static String at(JsonProcessingException e) {
        JsonLocation where = e.getLocation();
        return where == null || where.getLineNr() < 1 ? ""
                : " (at line " + where.getLineNr() + ", column " + where.getColumnNr() + ")";
    }
}
