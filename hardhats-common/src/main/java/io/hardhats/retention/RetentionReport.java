package io.hardhats.retention;

/**
 * What one retention run removed.
 *
 * @param batches transactions that removed at least one event
 * @param largestBatch the most events one of them removed
 */
public record RetentionReport(long events, int batches, int largestBatch) {

    static final RetentionReport NOTHING = new RetentionReport(0, 0, 0);

    RetentionReport plus(int batch) {
        return batch == 0 ? this : new RetentionReport(events + batch, batches + 1, Math.max(largestBatch, batch));
    }
}
