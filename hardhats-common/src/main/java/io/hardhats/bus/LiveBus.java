package io.hardhats.bus;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Live fan-out between workers and web instances: annotated JPEG frames per camera
 * ({@code frames/{camera_id}}) and JSON messages per organisation ({@code events/{org_id}}:
 * violations and camera status changes). In Redis when REDIS_URL is set, in process otherwise.
 * Nothing here is durable: PostgreSQL is the record.
 */
public interface LiveBus {

    void publishFrame(UUID cameraId, byte[] jpeg);

    /** The newest frame of a camera if one was published recently (so a new viewer sees a picture at once). */
    Optional<Frame> latestFrame(UUID cameraId);

    Subscription subscribeFrames(UUID cameraId, Consumer<byte[]> listener);

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

    /** The channel of {@link #publishSessionNotice}. */
    String SESSIONS_CHANNEL = "sessions";

    static String frameChannel(UUID cameraId) {
        return "frames/" + cameraId;
    }

    static String messageChannel(UUID organizationId) {
        return "events/" + organizationId;
    }
}
