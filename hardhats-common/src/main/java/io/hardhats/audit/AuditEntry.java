package io.hardhats.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.util.UUID;

import org.hibernate.annotations.ColumnTransformer;

/** Who did what to which resource, from where: what an audit log row says. */
@Embeddable
public record AuditEntry(UUID userId, String action, String resourceType, String resourceId,
        @Column(name = "details", columnDefinition = "jsonb") @ColumnTransformer(write = "?::jsonb") String detailsJson,
        String ipAddress) {
}
