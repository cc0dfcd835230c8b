package io.hardhats.audit;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import io.hardhats.persistence.WireValue;

import io.hardhats.web.ApiException;
import io.hardhats.web.Cursor;
import io.hardhats.web.NewestFirst;
import io.hardhats.web.Page;
import io.hardhats.web.StorableTime;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/audit-logs")
public class AuditLogController {

    /** What the audit page's filter offers: every action the product records, in alphabetical order. */
    private static final List<String> ACTIONS = Arrays.stream(AuditAction.values()).map(WireValue::wire).sorted()
            .toList();

    private final AuditTrail trail;

    public AuditLogController(AuditTrail trail) {
        this.trail = trail;
    }

    /**
     * Who did what and when, newest first, in keyset pages as the events list. Filters combine;
     * {@code from} is inclusive and {@code to} exclusive.
     */
    @GetMapping
    public Page<AuditLogView> list(@RequestParam(name = "user_id", required = false) UUID userId,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            @RequestParam(required = false) String cursor,
            @RequestParam(required = false) Integer limit) {
        StorableTime.requireRange(from, to);
        return trail.list(userId, action == null ? null : parse(action),
                new NewestFirst(from, to, Cursor.decode(cursor)), Cursor.limit(limit));
    }

    /** Every action the trail can hold, for the audit page's filter; the same for every organisation. */
    @GetMapping("/actions")
    public List<String> actions() {
        return ACTIONS;
    }

    private static AuditAction parse(String action) {
        try {
            return WireValue.parse(AuditAction.class, action);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("action: must be an action name such as camera_create");
        }
    }
}
