package io.hardhats.stats;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.util.UUID;

import io.hardhats.persistence.TenantOwned;

/** One camera's violation counts and analysed frames for one day (UTC); upserted by workers. */
@Entity
@Table(name = "daily_stats")
public class DailyStat extends TenantOwned {

    @Id
    private UUID id;

    @Column(name = "camera_id")
    private UUID cameraId;

    private LocalDate date;

    @Column(name = "total_violations")
    private int totalViolations;

    @Column(name = "no_hardhat_count")
    private int noHardhatCount;

    @Column(name = "no_vest_count")
    private int noVestCount;

    @Column(name = "zone_breach_count")
    private int zoneBreachCount;

    @Column(name = "frames_processed")
    private long framesProcessed;

    protected DailyStat() {
    }

    public DailyStat(UUID cameraId, LocalDate date, int noHardhat, int noVest, int zoneBreach, long framesProcessed) {
        this.id = UUID.randomUUID();
        this.cameraId = cameraId;
        this.date = date;
        this.noHardhatCount = noHardhat;
        this.noVestCount = noVest;
        this.zoneBreachCount = zoneBreach;
        this.totalViolations = noHardhat + noVest + zoneBreach;
        this.framesProcessed = framesProcessed;
    }

    public UUID getCameraId() {
        return cameraId;
    }

    public LocalDate getDate() {
        return date;
    }

    public int getTotalViolations() {
        return totalViolations;
    }

    public int getNoHardhatCount() {
        return noHardhatCount;
    }

    public int getNoVestCount() {
        return noVestCount;
    }

    public int getZoneBreachCount() {
        return zoneBreachCount;
    }

    public long getFramesProcessed() {
        return framesProcessed;
    }
}
