package io.hardhats.events;

import java.io.InputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.hardhats.audit.AuditTrail;
import io.hardhats.blobs.BlobStore;
import io.hardhats.web.ApiException;
import io.hardhats.web.ByteRange;
import io.hardhats.web.Cursor;
import io.hardhats.web.Page;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class EventService {

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"));
    private static final Sort RECORDING_ORDER = Sort.by("seq");

    private final EventRepository events;
    private final AuditTrail audit;
    private final BlobStore blobs;

    public EventService(EventRepository events, AuditTrail audit, BlobStore blobs) {
        this.events = events;
        this.audit = audit;
        this.blobs = blobs;
    }

    @Transactional(readOnly = true)
    public Page<EventView> list(EventFilter filter, int limit) {
        List<Event> rows = events.findBy(filter.toSpecification(),
                query -> query.sortBy(NEWEST_FIRST).limit(limit + 1).all());
        boolean more = rows.size() > limit;
        List<Event> page = more ? rows.subList(0, limit) : rows;
        String next = more ? new Cursor(page.get(limit - 1).getCreatedAt(), page.get(limit - 1).getId()).encode() : null;
        return new Page<>(page.stream().map(EventView::of).toList(), next);
    }

    /**
     * Events recorded after the given one, in the order they were recorded (not their capture
     * times, which differ from it across cameras), for a reconnecting live stream; empty when the
     * event is unknown (deleted, or another organisation's).
     */
    @Transactional(readOnly = true)
    public List<EventView> after(UUID lastEventId, int max) {
        return events.findById(lastEventId).map(last -> {
            Specification<Event> later = (root, query, cb) -> cb.greaterThan(root.get("seq"), last.getSeq());
            return events.findBy(later, query -> query.sortBy(RECORDING_ORDER).limit(max).all()).stream()
                    .map(EventView::of).toList();
        }).orElse(List.of());
    }

    @Transactional(readOnly = true)
    public EventView get(UUID id) {
        return EventView.of(find(id));
    }

    /** The event's thumbnail (a JPEG made by the worker), or 404 when it has none. */
    @Transactional(readOnly = true)
    public BlobStore.Blob thumbnail(UUID id) {
        Event event = find(id);
        return Optional.ofNullable(event.getThumbnailPath())
                .map(UUID::fromString)
                .flatMap(blobs::read)
                .orElseThrow(() -> ApiException.notFound("thumbnail"));
    }

    /** The annotated frame of the moment (a JPEG made by the worker), or 404 for older events without one. */
    @Transactional(readOnly = true)
    public BlobStore.Blob frame(UUID id) {
        Event event = find(id);
        return Optional.ofNullable(event.getFrameBlob())
                .flatMap(blobs::read)
                .orElseThrow(() -> ApiException.notFound("frame"));
    }

    /** An event's stored clip: its blob, type and size. */
    public record StoredClip(UUID blob, BlobStore.BlobInfo info) {
    }

    /** The event's evidence clip, or 404 while it has none. */
    @Transactional(readOnly = true)
    public StoredClip clip(UUID id) {
        Event event = find(id);
        return Optional.ofNullable(event.getClipBlob())
                .flatMap(blob -> blobs.info(blob).map(info -> new StoredClip(blob, info)))
                .orElseThrow(() -> ApiException.notFound("clip"));
    }

    /** Part of a clip found by {@link #clip}, read as it is sent. */
    public InputStream openClip(StoredClip clip, ByteRange range) {
        return blobs.openRange(clip.blob(), range.start(), range.length());
    }

    /** Idempotent: acknowledging twice keeps the first acknowledger and time. */
    @Transactional
    public EventView acknowledge(UUID id, UUID userId) {
        Event event = find(id);
        if (!event.isAcknowledged()) {
            event.acknowledge(userId, Instant.now().truncatedTo(ChronoUnit.MICROS));
            audit.record("event_acknowledge", "event", id, Map.of());
        }
        return EventView.of(event);
    }

    /** The event's thumbnail, frame and clip go with it: nothing else refers to them. */
    @Transactional
    public void delete(UUID id) {
        Event event = find(id);
        events.delete(event);
        Optional.ofNullable(event.getThumbnailPath()).map(UUID::fromString).ifPresent(blobs::delete);
        Optional.ofNullable(event.getFrameBlob()).ifPresent(blobs::delete);
        Optional.ofNullable(event.getClipBlob()).ifPresent(blobs::delete);
        audit.record("event_delete", "event", id, Map.of("violation_type", event.getViolationType().wire()));
    }

    private Event find(UUID id) {
        return events.findById(id).orElseThrow(() -> ApiException.notFound("event"));
    }
}
