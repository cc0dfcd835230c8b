package io.hardhats.clips;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;

/**
 * One camera's analysed frames of the last seconds, as the JPEGs already published to viewers
 * (annotated, and whatever else the live view shows), for clips the camera's own video cannot
 * give. A few frames a second at most, so a handful of JPEGs.
 */
final class FrameRing {

    /** An analysed frame and when it was captured. */
    record Shot(byte[] jpeg, Instant capturedAt) {
    }

    private final Duration keep;
    private final ArrayDeque<Shot> shots = new ArrayDeque<>();

    FrameRing(Duration keep) {
        this.keep = keep;
    }

    synchronized void add(byte[] jpeg, Instant capturedAt) {
        shots.addLast(new Shot(jpeg, capturedAt));
        Instant oldest = capturedAt.minus(keep);
        while (shots.getFirst().capturedAt().isBefore(oldest)) {
            shots.removeFirst();
        }
    }

    /**
     * The frames captured from {@code start} until just before {@code end}, oldest first: each
     * stands for the time until the next, so a span holds span × rate frames.
     */
    synchronized List<Shot> between(Instant start, Instant end) {
        return shots.stream().filter(s -> !s.capturedAt().isBefore(start) && s.capturedAt().isBefore(end)).toList();
    }
}
