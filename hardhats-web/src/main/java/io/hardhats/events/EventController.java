package io.hardhats.events;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.hardhats.session.SessionPrincipal;
import io.hardhats.blobs.BlobStore;
import io.hardhats.web.Cursor;
import io.hardhats.web.NewestFirst;
import io.hardhats.web.Page;
import io.hardhats.web.StorableTime;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Everyone reads and acknowledges events; admins and managers delete them. */
@RestController
@RequestMapping("/api/v1/events")
public class EventController {

    private final EventService events;

    public EventController(EventService events) {
        this.events = events;
    }

    @GetMapping
    public Page<EventView> list(@RequestParam(name = "camera_id", required = false) UUID cameraId,
            @RequestParam(name = "violation_type", required = false) ViolationType violationType,
            @RequestParam(required = false) Boolean acknowledged,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            @RequestParam(required = false) String cursor,
            @RequestParam(required = false) Integer limit) {
        StorableTime.requireRange(from, to);
        EventFilter filter = new EventFilter(cameraId, violationType, acknowledged,
                new NewestFirst(from, to, Cursor.decode(cursor)));
        return events.list(filter, Cursor.limit(limit));
    }

    @GetMapping("/{id}")
    public EventView get(@PathVariable UUID id) {
        return events.get(id);
    }

    @GetMapping("/{id}/thumbnail")
    public ResponseEntity<byte[]> thumbnail(@PathVariable UUID id) {
        return picture(events.thumbnail(id));
    }

    @GetMapping("/{id}/frame")
    public ResponseEntity<byte[]> frame(@PathVariable UUID id) {
        return picture(events.frame(id));
    }

    /** An event's pictures never change, so the browser may keep them (privately: they are tenant data). */
    private static ResponseEntity<byte[]> picture(BlobStore.Blob blob) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(blob.contentType()))
                .cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePrivate())
                .body(blob.bytes());
    }

    @PostMapping("/{id}/acknowledge")
    public EventView acknowledge(@PathVariable UUID id, @AuthenticationPrincipal SessionPrincipal principal) {
        return events.acknowledge(id, principal.userId());
    }

    @DeleteMapping("/{id}")
    public ResponseEntity<Void> delete(@PathVariable UUID id) {
        events.delete(id);
        return ResponseEntity.noContent().build();
    }
}
