package io.hardhats.bus;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** The all-in-one bus: web and worker share one JVM, so a map and listener sets suffice. */
public class InProcessLiveBus implements LiveBus {

    private static final Listeners.ChannelHooks NO_HOOKS = new Listeners.ChannelHooks() {
        @Override
        public void firstListener(String channel) {
        }

        @Override
        public void lastListenerGone(String channel) {
        }
    };

    private final Listeners<byte[]> frames = new Listeners<>(NO_HOOKS);
    private final Listeners<String> messages = new Listeners<>(NO_HOOKS);
    private final Map<UUID, Frame> latest = new ConcurrentHashMap<>();
    /** Per camera, until when (epoch ms) its last snapshot request keeps its frames wanted. */
    private final Map<UUID, Long> snapshotDemand = new ConcurrentHashMap<>();
    private final Duration latestFrameTtl;

    public InProcessLiveBus(Duration latestFrameTtl) {
        this.latestFrameTtl = latestFrameTtl;
    }

    @Override
    public void publishFrame(UUID cameraId, byte[] jpeg) {
        latest.put(cameraId, new Frame(jpeg, System.currentTimeMillis()));
        frames.deliver(LiveBus.frameChannel(cameraId), jpeg);
    }

    @Override
    public Optional<Frame> latestFrame(UUID cameraId) {
        Frame frame = latest.get(cameraId);
        if (frame == null || System.currentTimeMillis() - frame.publishedAtMillis() > latestFrameTtl.toMillis()) {
            return Optional.empty();
        }
        return Optional.of(frame);
    }

    @Override
    public Subscription subscribeFrames(UUID cameraId, Consumer<byte[]> listener) {
        return frames.add(LiveBus.frameChannel(cameraId), listener);
    }

    @Override
    public void wantFrames(UUID cameraId) {
        snapshotDemand.put(cameraId, System.currentTimeMillis() + SNAPSHOT_DEMAND.toMillis());
    }

    @Override
    public Set<UUID> wantedFrames(Collection<UUID> cameraIds) {
        long now = System.currentTimeMillis();
        snapshotDemand.values().removeIf(until -> until <= now); // deleted cameras' demand goes too
        return cameraIds.stream()
                .filter(id -> frames.count(LiveBus.frameChannel(id)) > 0 || snapshotDemand.getOrDefault(id, 0L) > now)
                .collect(Collectors.toSet());
    }

    @Override
    public void publishMessage(UUID organizationId, String json) {
        messages.deliver(LiveBus.messageChannel(organizationId), json);
    }

    @Override
    public Subscription subscribeMessages(UUID organizationId, Consumer<String> listener) {
        return messages.add(LiveBus.messageChannel(organizationId), listener);
    }

    @Override
    public void publishSessionNotice(String notice) {
        messages.deliver(SESSIONS_CHANNEL, notice);
    }

    @Override
    public Subscription subscribeSessionNotices(Consumer<String> listener) {
        return messages.add(SESSIONS_CHANNEL, listener);
    }

    @Override
    public int listenerCount(String channel) {
        return frames.count(channel) + messages.count(channel);
    }
}
