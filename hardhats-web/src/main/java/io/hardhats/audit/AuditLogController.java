package io.hardhats.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import io.hardhats.web.ApiException;
import io.hardhats.web.Cursor;
import io.hardhats.web.Page;
import io.hardhats.web.StorableTime;
import jakarta.persistence.criteria.Predicate;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@RestController
@RequestMapping("/api/v1/audit-logs")
public class AuditLogController {

    public record AuditLogView(UUID id, UUID userId, String action, String resourceType, String resourceId,
            Map<String, Object> details, String ipAddress, Instant createdAt) {
    }

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    private static final Pattern ACTION = Pattern.compile("[a-z][a-z_]{0,63}");
    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"));

    private final AuditLogRepository logs;
    private final JsonMapper json;

    public AuditLogController(AuditLogRepository logs, JsonMapper json) {
        this.logs = logs;
        this.json = json;
    }

    /**
     * Who did what and when, newest first, in keyset pages as the events list. Filters combine;
     * {@code from} is inclusive and {@code to} exclusive.
     */
    @GetMapping
    @Transactional(readOnly = true)
    public Page<AuditLogView> list(@RequestParam(name = "user_id", required = false) UUID userId,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            @RequestParam(required = false) String cursor,
            @RequestParam(required = false) Integer limit) {
        if (action != null && !ACTION.matcher(action).matches()) {
            throw ApiException.invalid("action: must be an action name such as camera_create");
        }
        StorableTime.requireRange(from, to);
        Cursor after = Cursor.decode(cursor);
        int size = Cursor.limit(limit);
        Specification<AuditLog> spec = (root, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            if (userId != null) {
                where.add(cb.equal(root.get("userId"), userId));
            }
            if (action != null) {
                where.add(cb.equal(root.get("action"), action));
            }
            if (from != null) {
                where.add(cb.greaterThanOrEqualTo(root.get("createdAt"), from));
            }
            if (to != null) {
                where.add(cb.lessThan(root.get("createdAt"), to));
            }
            if (after != null) {
                where.add(after.olderRows(root, cb));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
        List<AuditLog> rows = logs.findBy(spec, query -> query.sortBy(NEWEST_FIRST).limit(size + 1).all());
        boolean more = rows.size() > size;
        List<AuditLog> page = more ? rows.subList(0, size) : rows;
        String next = more ? new Cursor(page.get(size - 1).getCreatedAt(), page.get(size - 1).getId()).encode() : null;
        return new Page<>(page.stream().map(this::view).toList(), next);
    }

    /** The actions this organisation's trail holds, for the audit page's filter. */
    @GetMapping("/actions")
    public List<String> actions() {
        return logs.findActions();
    }

    private AuditLogView view(AuditLog log) {
        return new AuditLogView(log.getId(), log.getUserId(), log.getAction(), log.getResourceType(),
                log.getResourceId(), json.readValue(log.getDetailsJson(), MAP), log.getIpAddress(), log.getCreatedAt());
    }
}
