package io.hardhats.stats;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.util.UUID;

import io.hardhats.events.ViolationType;

/** How many violations of one type one camera raised on one day. */
@Entity
@Table(name = "daily_violation_counts")
public class DailyViolationCount extends CameraDay {

    private ViolationType violationType;

    private int count;

    protected DailyViolationCount() {
    }

    public DailyViolationCount(UUID cameraId, LocalDate date, ViolationType violationType, int count) {
        super(cameraId, date);
        this.violationType = violationType;
        this.count = count;
    }

    public ViolationType getViolationType() {
        return violationType;
    }

    public int getCount() {
        return count;
    }
}
