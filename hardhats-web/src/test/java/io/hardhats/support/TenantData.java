package io.hardhats.support;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.hardhats.cameras.CameraRepository;
import io.hardhats.cameras.CameraStatus;
import io.hardhats.events.Event;
import io.hardhats.events.EventRepository;
import io.hardhats.events.Severity;
import io.hardhats.events.ViolationType;
import io.hardhats.stats.DailyStat;
import io.hardhats.stats.DailyStatRepository;
import io.hardhats.tenancy.TenantContext;
import org.springframework.stereotype.Component;

/**
 * Writes what workers write (events, daily statistics, camera status) straight through the repositories, in the
 * organisation's tenant scope, for tests of the API that reads them.
 */
@Component
public class TenantData {

    private final EventRepository events;
    private final DailyStatRepository dailyStats;
    private final CameraRepository cameras;

    public TenantData(EventRepository events, DailyStatRepository dailyStats, CameraRepository cameras) {
        this.events = events;
        this.dailyStats = dailyStats;
        this.cameras = cameras;
    }

    /** What a worker reports about its camera: its status and when it last delivered a frame. */
    public void cameraReported(UUID organizationId, UUID cameraId, CameraStatus status, Instant lastSeen) {
        TenantContext.runAs(organizationId, () -> cameras.findById(cameraId).ifPresent(camera -> {
            camera.setStatus(status);
            camera.setLastSeen(lastSeen);
            cameras.save(camera);
        }));
    }

    public UUID event(UUID organizationId, UUID cameraId, ViolationType type, Instant at) {
        return TenantContext.callAs(organizationId, () -> events.save(new Event(cameraId, type, Severity.HIGH, 0.87,
                new double[] {0.1, 0.2, 0.3, 0.4}, at)).getId());
    }

    public void dailyStat(UUID organizationId, UUID cameraId, LocalDate date, int noHardhat, int noVest,
            int zoneBreach, long frames) {
        TenantContext.runAs(organizationId, () -> dailyStats.save(
                new DailyStat(cameraId, date, noHardhat, noVest, zoneBreach, frames)));
    }
}
