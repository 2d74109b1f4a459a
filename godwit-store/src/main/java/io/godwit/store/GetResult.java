package io.godwit.store;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A get answer as Chroma's parallel lists: {@code ids} always; each other list one element per id
 * when included, null when not (Chroma answers {@code null} for them). A record without a document,
 * uri or metadata has a null element there.
 */
public record GetResult(List<String> ids, List<float[]> embeddings, List<String> documents,
                        List<Map<String, Object>> metadatas, List<String> uris, Set<Include> include) {
}
