package io.hardhats.ingest;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * What one "test connection" or placeholder check may spend ({@code hardhats.probe.*}): a tenant
 * chooses the media, so the work is bounded by the platform, not by the file or the camera.
 *
 * @param deadline   the longest a probe may take, fetching a placeholder from the database included
 * @param maxBytes   media read from a file past its headers before the probe stops with what it has
 * @param maxFrames  frames decoded before the probe stops with what it has
 * @param concurrent probes running at once in one web instance (one per organisation on top)
 */
@ConfigurationProperties(prefix = "hardhats.probe")
public record ProbeLimits(Duration deadline, DataSize maxBytes, int maxFrames, int concurrent) {

    public static final ProbeLimits DEFAULTS = new ProbeLimits(null, null, 0, 0);

    public ProbeLimits {
        deadline = deadline == null || deadline.isNegative() || deadline.isZero() ? Duration.ofSeconds(10) : deadline;
        maxBytes = maxBytes == null || maxBytes.toBytes() <= 0 ? DataSize.ofMegabytes(32) : maxBytes;
        maxFrames = maxFrames <= 0 ? 300 : maxFrames;
        concurrent = concurrent <= 0 ? 2 : concurrent;
    }
}
