package io.hardhats.ingest;

import java.time.Duration;

/**
 * Timings of a camera ingest.
 *
 * @param backoffBase        first reconnect delay (doubles each try)
 * @param backoffCap         longest reconnect delay
 * @param maxTries           reconnect tries before falling back to the placeholder / reporting ERROR
 * @param healthyPeriod      streaming this long resets the tries
 * @param ioTimeout          socket timeout for connecting and reading (FFmpeg {@code timeout})
 * @param healthTimeout      no frame for this long: reconnect
 * @param liveRetryInterval  while on the placeholder or in ERROR, how often the live source is retried
 */
public record IngestSettings(Duration backoffBase, Duration backoffCap, int maxTries,
        Duration healthyPeriod, Duration ioTimeout, Duration healthTimeout, Duration liveRetryInterval) {

    public static IngestSettings defaults() {
        return new IngestSettings(Duration.ofSeconds(1), Duration.ofSeconds(60), 5,
                Duration.ofSeconds(60), Duration.ofSeconds(10), Duration.ofSeconds(20),
                Duration.ofMinutes(5));
    }

    RtspReconnectPolicy newPolicy() {
        return new RtspReconnectPolicy(backoffBase, backoffCap, maxTries, healthyPeriod);
    }
}
