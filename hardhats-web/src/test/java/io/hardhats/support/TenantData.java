package io.hardhats.support;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import io.hardhats.cameras.CameraStatus;
import io.hardhats.events.Event;
import io.hardhats.events.EventRepository;
import io.hardhats.events.Severity;
import io.hardhats.events.ViolationType;
import io.hardhats.stats.DailyStat;
import io.hardhats.stats.DailyStatRepository;
import io.hardhats.stats.DailyViolationCount;
import io.hardhats.stats.DailyViolationCountRepository;
import io.hardhats.tenancy.TenantContext;
import io.hardhats.tenancy.TenantTransactions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes what workers write (events, daily statistics, camera status) straight through the repositories, in the
 * organisation's tenant scope, for tests of the API that reads them.
 */
@Component
public class TenantData {

    private final EventRepository events;
    private final DailyStatRepository dailyStats;
    private final DailyViolationCountRepository violationCounts;
    private final JdbcClient jdbc;
    private final TenantTransactions transactions;

    public TenantData(EventRepository events, DailyStatRepository dailyStats,
            DailyViolationCountRepository violationCounts, JdbcClient jdbc, TenantTransactions transactions) {
        this.events = events;
        this.dailyStats = dailyStats;
        this.violationCounts = violationCounts;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** What a worker reports about its camera: its status and when it last delivered a frame. */
    public void cameraReported(UUID organizationId, UUID cameraId, CameraStatus status, Instant lastSeen) {
        cameraReported(organizationId, cameraId, status, lastSeen, false);
    }

    /** The same, for a worker that has no detector (no model file). */
    public void cameraReported(UUID organizationId, UUID cameraId, CameraStatus status, Instant lastSeen,
            boolean noDetector) {
        transactions.run(organizationId, () -> jdbc.sql(
                "UPDATE cameras SET status = ?, last_seen = ?, no_detector = ? WHERE id = ?")
                .params(status.wire(), lastSeen == null ? null : Timestamp.from(lastSeen), noDetector, cameraId)
                .update());
    }

    public UUID event(UUID organizationId, UUID cameraId, ViolationType type, Instant at) {
        return TenantContext.callAs(organizationId, () -> events.save(new Event(cameraId, type, Severity.HIGH, 0.87,
                new double[] {0.1, 0.2, 0.3, 0.4}, at)).getId());
    }

    public void dailyStat(UUID organizationId, UUID cameraId, LocalDate date, int noHardhat, int noVest,
            int zoneBreach, long frames) {
        Map<ViolationType, Integer> counts = Map.of(ViolationType.NO_HARDHAT, noHardhat, ViolationType.NO_VEST, noVest,
                ViolationType.ZONE_BREACH, zoneBreach);
        TenantContext.runAs(organizationId, () -> {
            dailyStats.save(new DailyStat(cameraId, date, frames));
            counts.forEach((type, count) -> violationCounts.save(new DailyViolationCount(cameraId, date, type, count)));
        });
    }
}
