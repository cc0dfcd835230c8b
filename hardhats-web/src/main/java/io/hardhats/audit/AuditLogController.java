package io.hardhats.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.hardhats.web.Cursor;
import io.hardhats.web.Page;
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
    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"));

    private final AuditLogRepository logs;
    private final JsonMapper json;

    public AuditLogController(AuditLogRepository logs, JsonMapper json) {
        this.logs = logs;
        this.json = json;
    }

    @GetMapping
    @Transactional(readOnly = true)
    public Page<AuditLogView> list(@RequestParam(required = false) String cursor,
            @RequestParam(required = false) Integer limit) {
        Cursor after = Cursor.decode(cursor);
        int size = Cursor.limit(limit);
        Specification<AuditLog> spec = (root, query, cb) -> after == null ? cb.conjunction()
                : after.olderRows(root, cb);
        List<AuditLog> rows = logs.findBy(spec, query -> query.sortBy(NEWEST_FIRST).limit(size + 1).all());
        boolean more = rows.size() > size;
        List<AuditLog> page = more ? rows.subList(0, size) : rows;
        String next = more ? new Cursor(page.get(size - 1).getCreatedAt(), page.get(size - 1).getId()).encode() : null;
        return new Page<>(page.stream().map(this::view).toList(), next);
    }

    private AuditLogView view(AuditLog log) {
        return new AuditLogView(log.getId(), log.getUserId(), log.getAction(), log.getResourceType(),
                log.getResourceId(), json.readValue(log.getDetailsJson(), MAP), log.getIpAddress(), log.getCreatedAt());
    }
}
