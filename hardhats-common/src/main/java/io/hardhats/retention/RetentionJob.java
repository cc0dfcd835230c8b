package io.hardhats.retention;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;

import io.hardhats.tenancy.SystemTransactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The daily removal of what has outlived each organisation's retention period: events, their
 * thumbnails, frames and clips, and the notification messages no event stands behind. Daily
 * statistics stay, since they hold no pictures.
 *
 * @param expired the kinds removed, in this order
 */
public record RetentionJob(SystemTransactions system, JdbcClient jdbc, List<ExpiredRecords> expired,
        RetentionProperties properties, Clock clock) implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

    private record Period(UUID organizationId, Integer chosenDays) {
    }

    @Override
    public void run() {
        RetentionReport report = removeExpired();
        if (report.total() > 0) {
            log.info("Retention removed {} in {} batches", new TreeMap<>(report.removed()), report.batches());
        }
    }

    public RetentionReport removeExpired() {
        Instant now = clock.instant();
        List<Period> periods = system.call(() -> jdbc.sql("SELECT id, retention_days FROM organizations")
                .query((rs, row) -> new Period(rs.getObject(1, UUID.class), rs.getObject(2, Integer.class))).list());
        RetentionReport report = RetentionReport.NOTHING;
        for (Period period : periods) {
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
