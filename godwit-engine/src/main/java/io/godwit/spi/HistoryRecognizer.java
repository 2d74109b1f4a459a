package io.godwit.spi;

import io.godwit.HistoryEntry;
import io.godwit.HistoryOrigin;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tells a history another tool wrote by what it records, so that a check reports "written by X,
 * do Y" instead of every row as inconsistent. Called by status, validate and migrate once per run,
 * with the history just read, before it is compared with the configured files; must not write.
 */
public interface HistoryRecognizer {

    /**
     * @param applied every recorded row, per subsystem ({@code dir}), in version order; never empty
     * @return the writer when the rows are that tool's; empty when they are not (the usual case)
     */
    Optional<HistoryOrigin> recognize(Map<String, List<HistoryEntry>> applied);
}
