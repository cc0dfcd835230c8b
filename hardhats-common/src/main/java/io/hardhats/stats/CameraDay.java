package io.hardhats.stats;

import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

import java.time.LocalDate;
import java.util.UUID;

import io.hardhats.persistence.TenantOwned;

/** A row of counts for one camera and one day (UTC); workers upsert them, the statistics sum them. */
@MappedSuperclass
public abstract class CameraDay extends TenantOwned {

    @Id
    private UUID id;

    private UUID cameraId;

    private LocalDate date;

    protected CameraDay() {
    }

    protected CameraDay(UUID cameraId, LocalDate date) {
        this.id = UUID.randomUUID();
        this.cameraId = cameraId;
        this.date = date;
    }

    public UUID getCameraId() {
        return cameraId;
    }

    public LocalDate getDate() {
        return date;
    }
}
