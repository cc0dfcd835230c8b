package io.hardhats.clips;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Evidence clips ({@code hardhats.clips.*}): how much video around a violation a clip holds, how
 * much compressed video a camera may keep for it, and how much clip work a worker takes on.
 *
 * @param before            video kept before the violation (each camera's ring covers this much)
 * @param after             video added after it; the clip is written once this has passed
 * @param maxBytesPerCamera the ring's ceiling: a high-bitrate camera keeps less than {@code before}
 * @param writers           clips written at once by the worker (one per camera at a time)
 * @param pending           clips the worker holds the video of at once, waiting or being written;
 *                          a violation beyond it gets no clip
 * @param pendingPerCamera  the same for one camera, so a busy camera cannot take every place
 */
@ConfigurationProperties(prefix = "hardhats.clips")
public record ClipSettings(Duration before, Duration after, DataSize maxBytesPerCamera, Integer writers,
        Integer pending, Integer pendingPerCamera) {

    public ClipSettings {
        before = before == null ? Duration.ofSeconds(8) : before;
        after = after == null ? Duration.ofSeconds(4) : after;
        maxBytesPerCamera = maxBytesPerCamera == null ? DataSize.ofMegabytes(8) : maxBytesPerCamera;
        writers = writers == null ? 2 : writers;
        pending = pending == null ? 16 : pending;
        pendingPerCamera = pendingPerCamera == null ? 2 : pendingPerCamera;
        if (before.isNegative() || after.isNegative() || before.plus(after).isZero()) {
            throw new IllegalArgumentException("hardhats.clips.before and after must be positive");
        }
        if (maxBytesPerCamera.toBytes() <= 0 || writers < 1 || pending < 1 || pendingPerCamera < 1) {
            throw new IllegalArgumentException("hardhats.clips.max-bytes-per-camera, writers, pending and "
                    + "pending-per-camera must be positive");
        }
    }

    /** The span of a clip, before and after together. */
    Duration span() {
        return before.plus(after);
    }
}
