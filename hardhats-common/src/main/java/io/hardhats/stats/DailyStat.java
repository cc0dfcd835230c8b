package io.hardhats.stats;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One camera's analysed frames for one day. Its violations are counted per type in
 * {@link DailyViolationCount}.
 */
@Entity
@Table(name = "daily_stats")
public class DailyStat extends CameraDay {

    private long framesProcessed;

    protected DailyStat() {
    }

    public DailyStat(UUID cameraId, LocalDate date, long framesProcessed) {
        super(cameraId, date);
        this.framesProcessed = framesProcessed;
    }

    public long getFramesProcessed() {
        return framesProcessed;
    }
}
