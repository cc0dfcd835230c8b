package io.hardhats.audit;

import jakarta.persistence.criteria.Predicate;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.hardhats.session.SessionPrincipal;
import io.hardhats.web.ClientAddress;
import io.hardhats.web.NewestFirst;
import io.hardhats.web.Page;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who did what, in the current organisation. A change is recorded inside the caller's transaction
 * (so an audited change and its record stand or fall together). Details never hold secrets.
 */
@Service
public class AuditTrail {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final AuditLogRepository logs;
    private final JsonMapper json;

    public AuditTrail(AuditLogRepository logs, JsonMapper json) {
        this.logs = logs;
        this.json = json;
    }

    @Transactional
    public void record(AuditAction action, String resourceType, Object resourceId, Map<String, ?> details) {
        record(currentUser(), action, resourceType, resourceId, details);
    }

    @Transactional
    public void record(UUID userId, AuditAction action, String resourceType, Object resourceId,
            Map<String, ?> details) {
        logs.save(new AuditLog(new AuditEntry(userId, action.wire(), resourceType,
                resourceId == null ? null : resourceId.toString(),
                json.writeValueAsString(details == null ? Map.of() : details), ClientAddress.current())));
    }

    /** The trail newest first, in keyset pages as the events list; filters combine. */
    @Transactional(readOnly = true)
    public Page<AuditLogView> list(UUID userId, AuditAction action, NewestFirst window, int size) {
        Specification<AuditLog> spec = (root, query, cb) -> {
            List<Predicate> where = window.conditions(root, cb);
            if (userId != null) {
                where.add(cb.equal(root.get("entry").get("userId"), userId));
            }
            if (action != null) {
                where.add(cb.equal(root.get("entry").get("action"), action.wire()));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
        List<AuditLog> rows = logs.findBy(spec, query -> query.sortBy(NewestFirst.ORDER).limit(size + 1).all());
        return NewestFirst.page(rows, size, AuditLog::getCreatedAt, AuditLog::getId, this::view);
    }

    private AuditLogView view(AuditLog log) {
        AuditEntry entry = log.getEntry();
        return new AuditLogView(log.getId(), entry.userId(), entry.action(), entry.resourceType(), entry.resourceId(),
                json.readValue(entry.detailsJson(), MAP), entry.ipAddress(), log.getCreatedAt());
    }

    private static UUID currentUser() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof SessionPrincipal principal
                ? principal.userId() : null;
    }
}
