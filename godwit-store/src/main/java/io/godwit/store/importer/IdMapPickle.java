package io.godwit.store.importer;

import net.razorvine.pickle.Unpickler;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * The id map of a Chroma hnswlib segment, {@code index_metadata.pickle}: which hnswlib label holds
 * which record id, and (before Chroma 1.0 kept it in {@code max_seq_id}) the last log position the
 * files hold. Python's Chroma (0.4–0.6) pickled a {@code PersistentData} object, the Rust server
 * (1.x) a plain dict; both have the fields {@code id_to_label} and {@code max_seq_id}. Read with
 * net.razorvine:pickle, which builds maps and never runs code from the file.
 *
 * @param idToLabel record id to hnswlib label
 * @param maxSeqId  the log position recorded in the pickle; 0 when absent (1.x keeps it in sqlite)
 */
record IdMapPickle(Map<String, Long> idToLabel, long maxSeqId) {
    static final String FILE = "index_metadata.pickle";

    static IdMapPickle read(Path file) {
        Object root;
        try {
            root = new Unpickler().loads(Files.readAllBytes(file));
        } catch (IOException | RuntimeException e) {
            throw unknown(file, "it cannot be unpickled (" + e.getMessage() + ")");
        }
        if (!(root instanceof Map<?, ?> fields)) {
            throw unknown(file, "it holds a " + (root == null ? "None" : root.getClass().getSimpleName()) + ", not Chroma's id map");
        }
        if (!(fields.get("id_to_label") instanceof Map<?, ?> labels)) {
            throw unknown(file, "it has no id_to_label map");
        }
        Map<String, Long> idToLabel = new HashMap<>(labels.size() * 2);
        for (Map.Entry<?, ?> e : labels.entrySet()) {
            if (!(e.getKey() instanceof String id) || !(e.getValue() instanceof Number label)) {
                throw unknown(file, "its id_to_label map holds " + e.getKey() + " -> " + e.getValue());
            }
            idToLabel.put(id, label.longValue());
        }
        long maxSeqId = fields.get("max_seq_id") instanceof Number n ? n.longValue() : 0;
        // Not Map.copyOf: its open addressing probes linearly, and ids such as r0..r199999 hash into
        // runs, which made every lookup of a large segment's map a long walk (60 % of a read's time).
        return new IdMapPickle(Collections.unmodifiableMap(idToLabel), maxSeqId);
    }

    private static ImportException unknown(Path file, String why) {
        return new ImportException(file, file + " is not an id map of a shape Godwit knows: " + why
                + ". Open the directory once with the Chroma release that wrote it (so it rewrites the segment), or"
                + " report the Chroma version at Godwit's issue tracker.");
    }
}
