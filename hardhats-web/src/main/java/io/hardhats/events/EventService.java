package io.hardhats.events;

import java.io.InputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.hardhats.audit.AuditAction;
import io.hardhats.audit.AuditTrail;
import io.hardhats.blobs.BlobStore;
import io.hardhats.users.User;
import io.hardhats.users.UserRepository;
import io.hardhats.web.ApiException;
import io.hardhats.web.ByteRange;
import io.hardhats.web.NewestFirst;
import io.hardhats.web.Page;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class EventService {

    private static final Sort RECORDING_ORDER = Sort.by("seq");

    private final EventRepository events;
    private final AuditTrail audit;
    private final BlobStore blobs;
    private final UserRepository users;
    private final UnreferencedBlobs unreferenced;

    public EventService(EventRepository events, AuditTrail audit, BlobStore blobs, UserRepository users,
            UnreferencedBlobs unreferenced) {
        this.events = events;
        this.audit = audit;
        this.blobs = blobs;
        this.users = users;
        this.unreferenced = unreferenced;
    }

    @Transactional(readOnly = true)
    public Page<EventView> list(EventFilter filter, int limit) {
        List<Event> rows = events.findBy(filter.toSpecification(),
                query -> query.sortBy(NewestFirst.ORDER).limit(limit + 1).all());
        Page<Event> page = NewestFirst.page(rows, limit, Event::getCreatedAt, Event::getId, Function.identity());
        return new Page<>(views(page.items()), page.nextCursor());
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
            return views(events.findBy(later, query -> query.sortBy(RECORDING_ORDER).limit(max).all()));
        }).orElse(List.of());
    }

    @Transactional(readOnly = true)
    public EventView get(UUID id) {
        return view(find(id));
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
            audit.record(AuditAction.EVENT_ACKNOWLEDGE, "event", id, Map.of());
        }
        return view(event);
    }

    /** The event's thumbnail, frame and clip go with it, unless another event shares them. */
    @Transactional
    public void delete(UUID id) {
        Event event = find(id);
        events.delete(event);
        // Written now: the blobs' references are looked up in SQL.
        events.flush();
        unreferenced.remove(Stream.of(Optional.ofNullable(event.getThumbnailPath()).map(UUID::fromString),
                Optional.ofNullable(event.getFrameBlob()), Optional.ofNullable(event.getClipBlob()))
                .flatMap(Optional::stream).toList());
        audit.record(AuditAction.EVENT_DELETE, "event", id, Map.of("violation_type", event.getViolationType().wire()));
    }

    private EventView view(Event event) {
        return views(List.of(event)).get(0);
    }

    /** Views with their acknowledgers' names, read in one query for the whole page. */
    private List<EventView> views(List<Event> rows) {
        List<UUID> acknowledgers = rows.stream().map(Event::getAcknowledgedBy).filter(Objects::nonNull).distinct().toList();
        Map<UUID, String> names = users.findAllById(acknowledgers).stream()
                .collect(Collectors.toMap(User::getId, User::getFullName));
        return rows.stream().map(event -> EventView.of(event, names.get(event.getAcknowledgedBy()))).toList();
    }

    private Event find(UUID id) {
        return events.findById(id).orElseThrow(() -> ApiException.notFound("event"));
    }
}
