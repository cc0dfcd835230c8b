package io.hardhats.clips;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.hardhats.events.EventView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives recorded violations their evidence clips: the camera's material before the violation is
 * taken at once (on the camera's thread, a list of references), the rest once the seconds after
 * it have passed, and the clip is written and stored by the bounded {@link ClipWriters}. A
 * violation while the camera's previous clip is still gathered, within that clip's span, shares it.
 */
public final class EvidenceClips implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EvidenceClips.class);

    private final ClipRings rings;
    private final ClipSettings settings;
    private final ClipWriters writers;
    private final ClipStore store;
    /** The clip each camera gathers now, which its next violations may join. */
    private final Map<UUID, SharedClip> gathering = new ConcurrentHashMap<>();

    EvidenceClips(ClipRings rings, ClipSettings settings, ClipWriters writers, ClipStore store) {
        this.rings = rings;
        this.settings = settings;
        this.writers = writers;
        this.store = store;
    }

    /** Begins the clip of a recorded event of a camera this worker runs (others are ignored); on the camera's thread. */
    public void capture(UUID organizationId, EventView event) {
        UUID cameraId = event.cameraId();
        rings.of(cameraId).ifPresent(clips -> {
            SharedClip current = gathering.get(cameraId);
            if (current != null && current.join(event.id(), event.createdAt())) {
                return;
            }
            Instant at = event.createdAt();
            SharedClip clip = new SharedClip(organizationId, clips.begin(clips.kind(), at), at.plus(settings.after()),
                    event.id());
            if (writers.submit(cameraId, settings.after(), () -> write(cameraId, clip))) {
                gathering.put(cameraId, clip);
            } else {
                log.info("Event {}: no clip, the worker has as many clips pending as it may", event.id());
            }
        });
    }

    private void write(UUID cameraId, SharedClip clip) {
        List<UUID> events = clip.start();
        gathering.remove(cameraId, clip);
        Path file = null;
        try {
            file = Files.createTempFile("hardhats-clip-", ".video");
            Optional<CameraClips.Written> written = clip.material().write(clip.end(), file);
            if (written.isEmpty()) {
                log.info("Events {}: no video to make a clip from", events);
                return;
            }
            long bytes = Files.size(file);
            List<UUID> linked = store.attach(clip.organizationId(), events, written.get().kind(),
                    written.get().contentType(), file);
            if (linked.isEmpty()) {
                log.info("Events {}: clip not kept: the storage limit is reached or the events were deleted", events);
            } else {
                log.info("Events {}: {} clip stored, {} bytes", linked, written.get().kind().wire(), bytes);
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Events {}: the clip could not be made: {}", events, e.toString());
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    log.debug("Clip file {} stayed behind: {}", file, e.getMessage());
                }
            }
        }
    }

    @Override
    public void close() {
        writers.close();
    }
}
