package io.hardhats.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import io.hardhats.persistence.TenantOwned;

/** One audited action of an organisation. Written once, never updated. */
@Entity
@Table(name = "audit_logs")
public class AuditLog extends TenantOwned {

    @Id
    private UUID id;

    @Embedded
    private AuditEntry entry;

    @Column(updatable = false)
    private Instant createdAt;

    protected AuditLog() {
    }

    public AuditLog(AuditEntry entry) {
        this.id = UUID.randomUUID();
        this.entry = entry;
        this.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    public UUID getId() {
        return id;
    }

    public AuditEntry getEntry() {
        return entry;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
