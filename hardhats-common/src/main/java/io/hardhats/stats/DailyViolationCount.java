package io.hardhats.stats;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.util.UUID;

import io.hardhats.events.ViolationType;
import io.hardhats.persistence.TenantOwned;

/** How many violations of one type one camera raised on one day (UTC); upserted by workers. */
@Entity
@Table(name = "daily_violation_counts")
public class DailyViolationCount extends TenantOwned {

    @Id
    private UUID id;

    @Column(name = "camera_id")
    private UUID cameraId;

    private LocalDate date;

    @Column(name = "violation_type")
    private ViolationType violationType;

    private int count;

    protected DailyViolationCount() {
    }

    public DailyViolationCount(UUID cameraId, LocalDate date, ViolationType violationType, int count) {
        this.id = UUID.randomUUID();
        this.cameraId = cameraId;
        this.date = date;
        this.violationType = violationType;
        this.count = count;
    }

    public UUID getCameraId() {
        return cameraId;
    }

    public LocalDate getDate() {
        return date;
    }

    public ViolationType getViolationType() {
        return violationType;
    }

    public int getCount() {
        return count;
    }
}
