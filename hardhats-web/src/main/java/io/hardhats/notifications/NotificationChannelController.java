package io.hardhats.notifications;

import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Admins manage the organisation's notification channels; managers read them. */
@RestController
@RequestMapping("/api/v1/notification-channels")
public record NotificationChannelController(NotificationChannelService channels, ChannelTests tests) {

    @GetMapping
    public NotificationChannelService.Channels list() {
        return channels.list();
    }

    @PostMapping
    public ResponseEntity<ChannelView> create(@RequestBody ChannelRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(channels.create(request));
    }

    @PatchMapping("/{id}")
    public ChannelView update(@PathVariable UUID id, @RequestBody ChannelRequest request) {
        return channels.update(id, request);
    }

    @DeleteMapping("/{id}")
    public ResponseEntity<Void> delete(@PathVariable UUID id) {
        channels.delete(id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/test")
    public ResponseEntity<Map<String, UUID>> test(@PathVariable UUID id) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("delivery_id", tests.send(id)));
    }
}
