package io.godwit.store.metadata;

import io.godwit.store.metadata.FilterNode.Composite;
import io.godwit.store.metadata.FilterNode.Document;

/**
 * Evaluates a whereDocument tree on one document in Java, exactly as the SQL does: a
 * case-sensitive substring for {@code $contains}, an RE2/J search (linear time, so a hostile
 * pattern cannot stall it) for {@code $regex}; a record without a document (null) passes only the
 * negated operators.
 */
final class DocumentMatcher {
    private DocumentMatcher() {
    }

    static boolean matches(FilterNode node, String document) {
        if (node instanceof Composite c) {
            for (FilterNode child : c.children()) {
                if (matches(child, document) != c.and()) {
                    return !c.and();
                }
            }
            return c.and();
        }
        Document d = (Document) node;
        if (document == null) {
            return d.op().negated;
        }
        boolean found = d.op().regex() ? d.regex().matcher(document).find() : document.contains(d.pattern());
        return found != d.op().negated;
    }

    /** Whether the tree holds a regular expression, which PostgreSQL leaves to {@link #matches}. */
    static boolean hasRegex(FilterNode node) {
        if (node instanceof Composite c) {
            return c.children().stream().anyMatch(DocumentMatcher::hasRegex);
        }
        return node instanceof Document d && d.op().regex();
    }
}
