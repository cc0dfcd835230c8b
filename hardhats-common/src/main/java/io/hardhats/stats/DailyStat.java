package io.hardhats.stats;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.util.UUID;

import io.hardhats.persistence.TenantOwned;

/**
 * One camera's analysed frames for one day (UTC); upserted by workers. Its violations are counted
 * per type in {@link DailyViolationCount}.
 */
@Entity
@Table(name = "daily_stats")
public class DailyStat extends TenantOwned {

    @Id
    private UUID id;

    @Column(name = "camera_id")
    private UUID cameraId;

    private LocalDate date;

    @Column(name = "frames_processed")
    private long framesProcessed;

    protected DailyStat() {
    }

    public DailyStat(UUID cameraId, LocalDate date, long framesProcessed) {
        this.id = UUID.randomUUID();
        this.cameraId = cameraId;
        this.date = date;
        this.framesProcessed = framesProcessed;
    }

    public UUID getCameraId() {
        return cameraId;
    }

    public LocalDate getDate() {
        return date;
    }

    public long getFramesProcessed() {
        return framesProcessed;
    }
}
