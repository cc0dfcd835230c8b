package io.hardhats.bus;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.lettuce.core.KeyValue;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The split-deployment bus over Redis pub/sub. Each process holds one Redis subscription per
 * channel that has local listeners, whatever their number. Publishing never blocks the caller;
 * while Redis is away, frames are dropped (live data only) and Lettuce reconnects and
 * re-subscribes by itself.
 */
public class RedisLiveBus implements LiveBus, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RedisLiveBus.class);
    private static final RedisCodec<String, byte[]> CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);

    private final StatefulRedisConnection<String, byte[]> commands;
    private final StatefulRedisPubSubConnection<String, byte[]> pubSub;
    private final Listeners<byte[]> frames;
    private final Listeners<String> messages;
    private final Duration latestFrameTtl;

    public RedisLiveBus(RedisClient client, Duration latestFrameTtl) {
        this.latestFrameTtl = latestFrameTtl;
        this.commands = client.connect(CODEC);
        this.pubSub = client.connectPubSub(CODEC);
        Listeners.ChannelHooks hooks = new Listeners.ChannelHooks() {
            @Override
            public void firstListener(String channel) {
                pubSub.async().subscribe(channel);
            }

            @Override
            public void lastListenerGone(String channel) {
                pubSub.async().unsubscribe(channel);
            }
        };
        this.frames = new Listeners<>(hooks);
        this.messages = new Listeners<>(hooks);
        pubSub.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, byte[] message) {
                if (channel.startsWith("frames/")) {
                    frames.deliver(channel, message);
                } else {
                    messages.deliver(channel, new String(message, StandardCharsets.UTF_8));
                }
            }
        });
    }

    @Override
    public void publishFrame(UUID cameraId, byte[] jpeg) {
        ByteBuffer stamped = ByteBuffer.allocate(Long.BYTES + jpeg.length);
        stamped.putLong(System.currentTimeMillis()).put(jpeg);
        try {
            commands.async().set(latestKey(cameraId), stamped.array(), SetArgs.Builder.px(latestFrameTtl.toMillis()))
                    .exceptionally(this::dropped);
            commands.async().publish(LiveBus.frameChannel(cameraId), jpeg).exceptionally(this::dropped);
        } catch (RuntimeException e) {
            dropped(e);
        }
    }

    @Override
    public Optional<Frame> latestFrame(UUID cameraId) {
        try {
            byte[] stamped = commands.async().get(latestKey(cameraId)).get(1, TimeUnit.SECONDS);
            if (stamped == null || stamped.length <= Long.BYTES) {
                return Optional.empty();
            }
            ByteBuffer buffer = ByteBuffer.wrap(stamped);
            long at = buffer.getLong();
            byte[] jpeg = new byte[buffer.remaining()];
            buffer.get(jpeg);
            return Optional.of(new Frame(jpeg, at));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    @Override
    public Subscription subscribeFrames(UUID cameraId, Consumer<byte[]> listener) {
        return frames.add(LiveBus.frameChannel(cameraId), listener);
    }

    @Override
    public void wantFrames(UUID cameraId) {
        try {
            commands.async().set(wantedKey(cameraId), new byte[] {1}, SetArgs.Builder.px(SNAPSHOT_DEMAND.toMillis()))
                    .exceptionally(this::dropped);
        } catch (RuntimeException e) {
            dropped(e);
        }
    }

    /**
     * Redis counts the subscribers of each frame channel itself (every web instance holds one
     * subscription per camera it streams), so no instance has to announce its viewers.
     */
    @Override
    public Set<UUID> wantedFrames(Collection<UUID> cameraIds) {
        if (cameraIds.isEmpty()) {
            return Set.of();
        }
        List<UUID> ids = List.copyOf(cameraIds);
        String[] channels = ids.stream().map(LiveBus::frameChannel).toArray(String[]::new);
        try {
            RedisFuture<Map<String, Long>> subscribers = commands.async().pubsubNumsub(channels);
            RedisFuture<List<KeyValue<String, byte[]>>> snapshots = commands.async()
                    .mget(ids.stream().map(RedisLiveBus::wantedKey).toArray(String[]::new));
            Map<String, Long> streams = subscribers.get(1, TimeUnit.SECONDS);
            List<KeyValue<String, byte[]>> asked = snapshots.get(1, TimeUnit.SECONDS);
            Set<UUID> wanted = new HashSet<>();
            for (int i = 0; i < ids.size(); i++) {
                if (streams.getOrDefault(channels[i], 0L) > 0 || asked.get(i).hasValue()) {
                    wanted.add(ids.get(i));
                }
            }
            return wanted;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Set.of();
        } catch (Exception e) {
            log.debug("Which cameras are watched is unknown while Redis is unavailable: {}", e.toString());
            return Set.of();
        }
    }

    @Override
    public void publishMessage(UUID organizationId, String json) {
        publishText(LiveBus.messageChannel(organizationId), json);
    }

    @Override
    public void publishSessionNotice(String notice) {
        publishText(SESSIONS_CHANNEL, notice);
    }

    @Override
    public Subscription subscribeSessionNotices(Consumer<String> listener) {
        return messages.add(SESSIONS_CHANNEL, listener);
    }

    private void publishText(String channel, String text) {
        try {
            commands.async().publish(channel, text.getBytes(StandardCharsets.UTF_8)).exceptionally(this::dropped);
        } catch (RuntimeException e) {
            dropped(e);
        }
    }

    @Override
    public Subscription subscribeMessages(UUID organizationId, Consumer<String> listener) {
        return messages.add(LiveBus.messageChannel(organizationId), listener);
    }

    @Override
    public int listenerCount(String channel) {
        return frames.count(channel) + messages.count(channel);
    }

    private <T> T dropped(Throwable error) {
        log.debug("Live message dropped while Redis is unavailable: {}", error.toString());
        return null;
    }

    private static String latestKey(UUID cameraId) {
        return "hardhats:frame:" + cameraId;
    }

    private static String wantedKey(UUID cameraId) {
        return "hardhats:frame-wanted:" + cameraId;
    }

    @Override
    public void close() {
        pubSub.close();
        commands.close();
    }
}
