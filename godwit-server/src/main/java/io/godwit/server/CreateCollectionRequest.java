package io.godwit.server;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * The body of {@code POST /api/v1/collections}: {@code {name, dimension, metadata}}, the last two
 * optional. Names are kept to characters that need no escaping in a URL path, since the name is
 * the collection's address ({@code /api/v1/collections/{name}}).
 */
record CreateCollectionRequest(String name, Integer dimension, Map<String, Object> metadata) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");

    static CreateCollectionRequest parse(JsonNode body) {
        String name = JsonFields.string(body, "name");
        if (!NAME.matcher(name).matches()) {
            throw ApiError.invalid("name must be 1 to 63 letters, digits, '.', '_' or '-', starting with a letter or digit, not \""
                    + (name.length() > 70 ? name.substring(0, 70) + "..." : name) + "\"");
        }
        return new CreateCollectionRequest(name, JsonFields.positiveInt(body, "dimension"),
                JsonFields.metadata(body.path("metadata"), "metadata"));
    }
}
