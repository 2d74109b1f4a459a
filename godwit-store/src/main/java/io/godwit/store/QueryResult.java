package io.godwit.store;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A query answer: Chroma's parallel lists one level deeper, one inner list per query embedding,
 * nearest first. Lists not included are null. Distances are Chroma's: squared L2 for {@code l2},
 * {@code 1 - cosine similarity} for {@code cosine}, {@code 1 - dot product} for {@code ip}.
 */
public record QueryResult(List<List<String>> ids, List<List<float[]>> embeddings, List<List<String>> documents,
                          List<List<Map<String, Object>>> metadatas, List<List<String>> uris,
                          List<List<Float>> distances, Set<Include> include) {
}
