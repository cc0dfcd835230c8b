package io.hardhats.retention;

import java.util.Map;
import java.util.TreeMap;

/**
 * What one retention run removed.
 *
 * @param removed how many records of each kind (events, notification deliveries...), kinds with none left out
 * @param batches transactions that removed at least one record
 * @param largestBatch the most records one of them removed
 */
public record RetentionReport(Map<String, Long> removed, int batches, int largestBatch) {

    static final RetentionReport NOTHING = new RetentionReport(Map.of(), 0, 0);

    public RetentionReport {
        removed = Map.copyOf(removed);
    }

    RetentionReport plus(String kind, int batch) {
        if (batch == 0) {
            return this;
        }
        Map<String, Long> counts = new TreeMap<>(removed);
        counts.merge(kind, (long) batch, Long::sum);
        return new RetentionReport(counts, batches + 1, Math.max(largestBatch, batch));
    }

    long total() {
        return removed.values().stream().mapToLong(Long::longValue).sum();
    }
}
