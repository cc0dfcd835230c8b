package io.hardhats.audit;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

public record AuditLogView(UUID id, UUID userId, String action, String resourceType, String resourceId,
        Map<String, Object> details, String ipAddress, Instant createdAt) {
}
