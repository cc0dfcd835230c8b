package io.hardhats.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import io.hardhats.persistence.TenantOwned;
import org.hibernate.annotations.ColumnTransformer;

/** Who did what to which resource, from where. Written once, never updated. */
@Entity
@Table(name = "audit_logs")
public class AuditLog extends TenantOwned {

    @Id
    private UUID id;

    private UUID userId;

    private String action;

    private String resourceType;

    private String resourceId;

    @Column(name = "details", columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    private String detailsJson;

    private String ipAddress;

    @Column(updatable = false)
    private Instant createdAt;

    protected AuditLog() {
    }

    public AuditLog(UUID userId, String action, String resourceType, String resourceId, String detailsJson,
            String ipAddress) {
        this.id = UUID.randomUUID();
        this.userId = userId;
        this.action = action;
        this.resourceType = resourceType;
        this.resourceId = resourceId;
        this.detailsJson = detailsJson;
        this.ipAddress = ipAddress;
        this.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    public UUID getId() {
        return id;
    }

    public UUID getUserId() {
        return userId;
    }

    public String getAction() {
        return action;
    }

    public String getResourceType() {
        return resourceType;
    }

    public String getResourceId() {
        return resourceId;
    }

    public String getDetailsJson() {
        return detailsJson;
    }

    public String getIpAddress() {
        return ipAddress;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
