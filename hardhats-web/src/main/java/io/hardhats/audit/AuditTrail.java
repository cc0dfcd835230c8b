package io.hardhats.audit;

import java.util.Map;
import java.util.UUID;

import io.hardhats.session.SessionPrincipal;
import io.hardhats.web.ClientAddress;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records who did what, in the current organisation, inside the caller's transaction (so an
 * audited change and its record stand or fall together). Details never hold secrets.
 */
@Service
public class AuditTrail {

    private final AuditLogRepository logs;
    private final JsonMapper json;

    public AuditTrail(AuditLogRepository logs, JsonMapper json) {
        this.logs = logs;
        this.json = json;
    }

    @Transactional
    public void record(String action, String resourceType, Object resourceId, Map<String, ?> details) {
        record(currentUser(), action, resourceType, resourceId, details);
    }

    @Transactional
    public void record(UUID userId, String action, String resourceType, Object resourceId, Map<String, ?> details) {
        logs.save(new AuditLog(userId, action, resourceType, resourceId == null ? null : resourceId.toString(),
                json.writeValueAsString(details == null ? Map.of() : details), ClientAddress.current()));
    }

    private static UUID currentUser() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof SessionPrincipal principal
                ? principal.userId() : null;
    }
}
