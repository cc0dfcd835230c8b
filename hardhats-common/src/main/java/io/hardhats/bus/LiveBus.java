package io.hardhats.bus;

import java.time.Duration;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Live fan-out between workers and web instances: annotated JPEG frames per camera
 * ({@code frames/{camera_id}}) and JSON messages per organisation ({@code events/{org_id}}:
 * violations and camera status changes). In Redis when REDIS_URL is set, in process otherwise.
 * Nothing here is durable: PostgreSQL is the record.
 *
 * <p>Workers encode live frames only while someone wants them ({@link #wantedFrames}): a viewer
 * holds the camera's stream open on any web instance (which subscribes to its frame channel),
 * or asked for a snapshot of it within {@link #SNAPSHOT_DEMAND}.
 */
public interface LiveBus {

    void publishFrame(UUID cameraId, byte[] jpeg);

    /** The newest frame of a camera if one was published recently (so a new viewer sees a picture at once). */
    Optional<Frame> latestFrame(UUID cameraId);

    Subscription subscribeFrames(UUID cameraId, Consumer<byte[]> listener);

    /** A snapshot of the camera was asked for: its frames are wanted for {@link #SNAPSHOT_DEMAND}. */
    void wantFrames(UUID cameraId);

    /**
     * The cameras among these whose live frames someone wants now, on any web instance: an open
     * stream or a recent snapshot request. Empty while the bus is unreachable (nobody could
     * receive a frame then). One round trip for all of them.
     */
    Set<UUID> wantedFrames(Collection<UUID> cameraIds);

    void publishMessage(UUID organizationId, String json);

    Subscription subscribeMessages(UUID organizationId, Consumer<String> listener);

    /**
     * Tells every web instance that sessions changed ({@code user:<id>} when a user's state,
     * role or sessions changed, {@code token:<jti>} when one session was revoked), so each checks
     * its cached sessions and open streams again.
     */
    void publishSessionNotice(String notice);

    Subscription subscribeSessionNotices(Consumer<String> listener);

    /**
     * How many listeners this process has on a channel ({@link #frameChannel}, {@link #messageChannel});
     * however many, they share one subscription to it.
     */
    int listenerCount(String channel);

    /** A frame and when it was published (epoch milliseconds). */
    record Frame(byte[] jpeg, long publishedAtMillis) {
    }

    /** Ends a subscription; closing twice is harmless. */
    @FunctionalInterface
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * How long a snapshot request keeps a camera's frames wanted: longer than the dashboard's
     * snapshot refresh, so a wall of snapshot tiles keeps its cameras' frames fresh.
     */
    Duration SNAPSHOT_DEMAND = Duration.ofSeconds(15);

    /** How often a worker asks which of its cameras are wanted, so a new viewer is noticed within this. */
    Duration DEMAND_CHECK_EVERY = Duration.ofSeconds(1);

    /** The channel of {@link #publishSessionNotice}. */
    String SESSIONS_CHANNEL = "sessions";

    static String frameChannel(UUID cameraId) {
        return "frames/" + cameraId;
    }

    static String messageChannel(UUID organizationId) {
        return "events/" + organizationId;
    }
}
