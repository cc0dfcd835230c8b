package io.hardhats.clips;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import io.hardhats.events.ClipKind;
import io.hardhats.events.EventView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives recorded violations their evidence clips: the camera's material before the violation is
 * taken at once (on the camera's thread, a list of references), the rest once the seconds after
 * it have passed, and the clip is written and stored by the bounded {@link ClipWriters}.
 */
public record EvidenceClips(ClipRings rings, ClipSettings settings, ClipWriters writers,
        ClipStore store) implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EvidenceClips.class);

    /** Begins the clip of a recorded event of a camera this worker runs (others are ignored). */
    public void capture(UUID organizationId, EventView event) {
        rings.of(event.cameraId()).ifPresent(clips -> {
            ClipKind kind = clips.kind();
            CameraClips.Material material = clips.begin(kind, event.createdAt());
            Instant end = event.createdAt().plus(settings.after());
            writers.submit(event.cameraId(), settings.after(), () -> write(organizationId, event.id(), material, end));
        });
    }

    private void write(UUID organizationId, UUID eventId, CameraClips.Material material, Instant end) {
        Path file = null;
        try {
            file = Files.createTempFile("hardhats-clip-", ".video");
            Optional<CameraClips.Written> written = material.write(end, file);
            if (written.isEmpty()) {
                log.info("Event {}: no video to make a clip from", eventId);
                return;
            }
            long bytes = Files.size(file);
            if (store.attach(organizationId, eventId, written.get().kind(), written.get().contentType(), file)) {
                log.info("Event {}: {} clip stored, {} bytes", eventId, written.get().kind().wire(), bytes);
            } else {
                log.info("Event {}: clip not kept: the storage limit is reached or the event was deleted", eventId);
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Event {}: the clip could not be made: {}", eventId, e.toString());
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
