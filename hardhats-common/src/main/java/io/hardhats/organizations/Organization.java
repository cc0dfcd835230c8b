package io.hardhats.organizations;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.hibernate.annotations.ColumnTransformer;

/** A customer. Not tenant-owned itself: row-level security limits it to its own id. */
@Entity
@Table(name = "organizations")
public class Organization {

    @Id
    private UUID id;

    private String name;

    private String slug;

    private String plan;

    private int maxCameras;

    private int maxUsers;

    /** Null: the plan's default period. */
    @Column(name = "retention_days")
    private Integer retentionDays;

    /** Null: the plan's default limit. Set by the service's operator, not by the organisation. */
    @Column(name = "max_storage_bytes")
    private Long maxStorageBytes;

    @Column(name = "settings", columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    private String settingsJson;

    /** Heads blurred in everything stored or shown; on for every organisation created now. */
    @Column(name = "privacy_mode")
    private boolean privacyMode;

    /** An IANA zone id, in which active hours and summaries are read. */
    @Column(name = "time_zone")
    private String timeZone;

    @Column(updatable = false)
    private Instant createdAt;

    protected Organization() {
    }

    public Organization(UUID id, String name, String slug, int maxCameras, int maxUsers) {
        this.id = id;
        this.name = name;
        this.slug = slug;
        this.plan = "standard";
        this.maxCameras = maxCameras;
        this.maxUsers = maxUsers;
        this.settingsJson = "{}";
        this.privacyMode = true;
        this.timeZone = "UTC";
        this.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    public UUID getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getSlug() {
        return slug;
    }

    public String getPlan() {
        return plan;
    }

    public int getMaxCameras() {
        return maxCameras;
    }

    public void setMaxCameras(int maxCameras) {
        this.maxCameras = maxCameras;
    }

    public int getMaxUsers() {
        return maxUsers;
    }

    public void setMaxUsers(int maxUsers) {
        this.maxUsers = maxUsers;
    }

    public Integer getRetentionDays() {
        return retentionDays;
    }

    public void setRetentionDays(Integer retentionDays) {
        this.retentionDays = retentionDays;
    }

    public Long getMaxStorageBytes() {
        return maxStorageBytes;
    }

    public String getSettingsJson() {
        return settingsJson;
    }

    public void setSettingsJson(String settingsJson) {
        this.settingsJson = settingsJson;
    }

    public boolean isPrivacyMode() {
        return privacyMode;
    }

    public void setPrivacyMode(boolean privacyMode) {
        this.privacyMode = privacyMode;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
