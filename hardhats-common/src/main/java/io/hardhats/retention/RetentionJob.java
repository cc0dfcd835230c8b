package io.hardhats.retention;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daily removal of what has outlived each organisation's retention period: events, their
 * thumbnails, frames and clips, and the notification messages no event stands behind. Daily
 * statistics stay, since they hold no pictures. Every process schedules it; {@link RetentionLock}
 * lets one run at a time, and the others skip.
 *
 * @param events  the events, which also know each organisation's period
 * @param expired the kinds removed, in this order (the events among them)
 */
public record RetentionJob(RetentionLock lock, ExpiredEvents events, List<ExpiredRecords> expired,
        RetentionProperties properties, Clock clock) implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

    @Override
    public void run() {
        Optional<RetentionReport> report = removeExpired();
        if (report.isEmpty()) {
            log.info("Retention skipped: another process is running it");
        } else if (report.get().total() > 0) {
            log.info("Retention removed {} in {} batches", new TreeMap<>(report.get().removed()),
                    report.get().batches());
        }
    }

    /** @return what the run removed, or empty when another run was under way and this one did nothing */
    public Optional<RetentionReport> removeExpired() {
        return lock.ifFree(this::removeAllExpired);
    }

    private RetentionReport removeAllExpired() {
        Instant now = clock.instant();
        RetentionReport report = RetentionReport.NOTHING;
        for (ExpiredEvents.Period period : events.periods()) {
            Instant cutoff = now.minus(Duration.ofDays(properties.daysFor(period.chosenDays())));
            for (ExpiredRecords kind : expired) {
                int removed;
                do {
                    removed = kind.deleteBatch(period.organizationId(), cutoff, properties.batchSize());
                    report = report.plus(kind.kind(), removed);
                } while (removed == properties.batchSize());
            }
        }
        return report;
    }
}
