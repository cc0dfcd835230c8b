package io.hardhats.events;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import io.hardhats.session.SessionPrincipal;
import io.hardhats.blobs.BlobStore;
import io.hardhats.web.ByteRange;
import io.hardhats.web.Cursor;
import io.hardhats.web.NewestFirst;
import io.hardhats.web.Page;
import io.hardhats.web.StorableTime;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Everyone reads and acknowledges events and plays their clips; admins and managers delete them. */
@RestController
@RequestMapping("/api/v1/events")
public class EventController {

    private static final Logger log = LoggerFactory.getLogger(EventController.class);
    private static final CacheControl PRIVATE_FOR_A_DAY = CacheControl.maxAge(Duration.ofDays(1)).cachePrivate();

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

    /**
     * The evidence clip, for a {@code <video>} element: byte ranges (206) so the browser can seek,
     * each read from the stored chunks as it is sent, never the whole clip at once.
     */
    @GetMapping("/{id}/clip")
    public void clip(@PathVariable UUID id, @RequestHeader(name = HttpHeaders.RANGE, required = false) String range,
            HttpServletResponse response) throws IOException {
        EventService.StoredClip clip = events.clip(id);
        long size = clip.info().size();
        Optional<ByteRange> part = ByteRange.parse(range, size);
        ByteRange sent = part.orElse(new ByteRange(0, size));
        response.setStatus(part.isPresent() ? HttpStatus.PARTIAL_CONTENT.value() : HttpStatus.OK.value());
        part.ifPresent(p -> response.setHeader(HttpHeaders.CONTENT_RANGE, p.contentRange(size)));
        response.setHeader(HttpHeaders.ACCEPT_RANGES, "bytes");
        response.setHeader(HttpHeaders.CACHE_CONTROL, PRIVATE_FOR_A_DAY.getHeaderValue());
        response.setContentType(clip.info().contentType());
        response.setContentLengthLong(sent.length());
        try (InputStream in = events.openClip(clip, sent)) {
            in.transferTo(response.getOutputStream());
        } catch (IOException e) {
            // A player that seeks or closes drops the connection: the normal end of a range.
            log.debug("Clip {}: the client went away: {}", id, e.getMessage());
        }
    }

    /** An event's pictures never change, so the browser may keep them (privately: they are tenant data). */
    private static ResponseEntity<byte[]> picture(BlobStore.Blob blob) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(blob.contentType()))
                .cacheControl(PRIVATE_FOR_A_DAY)
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
