package io.hardhats.notifications;

import java.util.List;
import java.util.UUID;

import io.hardhats.web.Cursor;
import io.hardhats.web.Page;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The delivery log: admins and managers read every delivery and attempt of their organisation. */
@RestController
@RequestMapping("/api/v1/notification-deliveries")
public record NotificationDeliveryController(DeliveryLog log) {

    @GetMapping
    public Page<DeliveryView> list(@RequestParam(name = "channel_id", required = false) UUID channelId,
            @RequestParam(required = false) DeliveryStatus status,
            @RequestParam(required = false) String cursor,
            @RequestParam(required = false) Integer limit) {
        return log.list(channelId, status, Cursor.decode(cursor), Cursor.limit(limit));
    }

    @GetMapping("/{id}/attempts")
    public List<DeliveryView.AttemptView> attempts(@PathVariable UUID id) {
        return log.attempts(id);
    }
}
