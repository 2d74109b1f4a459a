package io.godwit.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Compares two answers of the npm scenario field by field: objects by key (order free), arrays in
 * order, numbers to {@link #TOLERANCE} (distances are float32 sums), everything else exactly. A raw
 * step that failed is compared by its status only: messages are each server's own.
 */
final class Answers {
    static final double TOLERANCE = 1e-4;

    private Answers() {
    }

    /** A raw error step reduced to its status; anything else unchanged. */
    static JsonNode comparable(JsonNode step) {
        ObjectNode copy = step.deepCopy();
        copy.remove("step");
        if (copy.has("status") && copy.get("status").asInt() >= 400) {
            copy.remove("body");
        }
        return copy;
    }

    /** Where {@code a} and {@code b} differ, as paths with both values; empty when they agree. */
    static List<String> differences(JsonNode a, JsonNode b) {
        List<String> out = new ArrayList<>();
        compare("", a, b, out);
        return out;
    }

    private static void compare(String path, JsonNode a, JsonNode b, List<String> out) {
        if (a.isNumber() && b.isNumber()) {
            if (Math.abs(a.doubleValue() - b.doubleValue()) > TOLERANCE) {
                out.add(path + ": " + a + " vs " + b);
            }
        } else if (a.isObject() && b.isObject()) {
            for (Iterator<String> it = a.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                compare(path + "." + key, a.get(key), b.path(key), out);
            }
            for (Iterator<String> it = b.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (!a.has(key)) {
                    out.add(path + "." + key + ": absent vs " + b.get(key));
                }
            }
        } else if (a.isArray() && b.isArray() && a.size() == b.size()) {
            for (int i = 0; i < a.size(); i++) {
                compare(path + "[" + i + "]", a.get(i), b.get(i), out);
            }
        } else if (!a.equals(b)) {
            out.add(path + ": " + a + " vs " + b);
        }
    }
}
