package io.godwit.store.metadata;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import io.godwit.store.metadata.FilterNode.DocumentOperator;

import java.util.Map;

import static io.godwit.store.metadata.FilterSyntax.fail;

/**
 * Parses a {@code whereDocument} filter: {@code {"$contains": text}}, {@code $not_contains},
 * {@code $regex}, {@code $not_regex} (RE2 syntax, compiled here so a bad pattern is refused before
 * anything runs), combined with {@code $and}/{@code $or}.
 */
final class WhereDocumentParser {
    private static final String EXAMPLE = "{\"$contains\": \"fox\"}";

    private WhereDocumentParser() {
    }

    static FilterNode parse(Object whereDocument, String path) {
        Map.Entry<String, Object> entry = FilterSyntax.single(whereDocument, path, EXAMPLE);
        String key = entry.getKey();
        if (FilterSyntax.isComposite(key)) {
            return FilterSyntax.composite(key, entry.getValue(), path, WhereDocumentParser::parse);
        }
        DocumentOperator op = operator(key, path);
        if (!(entry.getValue() instanceof String pattern)) {
            throw fail(path, key + " takes a string, got " + FilterValue.describe(entry.getValue()));
        }
        return new FilterNode.Document(op, pattern, op.regex() ? compile(key, pattern, path) : null);
    }

    private static DocumentOperator operator(String key, String path) {
        for (DocumentOperator op : DocumentOperator.values()) {
            if (op.operator.equals(key)) {
                return op;
            }
        }
        String hint = key.startsWith("$") ? "" : " (metadata keys are filtered with where, not whereDocument)";
        throw fail(path, "unknown operator \"" + key + "\"" + hint
                + "; whereDocument takes $contains, $not_contains, $regex, $not_regex, $and, $or");
    }

    private static Pattern compile(String operator, String pattern, String path) {
        try {
            Pattern.compile(pattern);   // errors name what the user wrote
            return Pattern.compile(PerlClasses.unicode(pattern));
        } catch (PatternSyntaxException e) {
            throw fail(path, operator + " pattern \"" + pattern + "\" is not a valid regular expression (RE2 syntax,"
                    + " as Chroma's: no backreferences or look-around): " + e.getDescription());
        }
    }
}
