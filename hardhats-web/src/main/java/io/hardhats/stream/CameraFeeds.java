package io.hardhats.stream;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.hardhats.bus.LiveBus;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The MJPEG viewers of one web instance, each a listener of its camera's frames on the bus
 * (which holds one subscription per watched camera per instance). Stopping ends every stream
 * first, so a graceful shutdown does not wait for endless responses.
 */
@Component
public class CameraFeeds implements SmartLifecycle {

    private final LiveBus bus;
    private final Set<FrameMailbox> mailboxes = ConcurrentHashMap.newKeySet();
    private volatile boolean running;

    public CameraFeeds(LiveBus bus) {
        this.bus = bus;
    }

    /** Starts receiving a camera's frames; close the viewer when it leaves. */
    public Viewer watch(UUID cameraId) {
        FrameMailbox mailbox = new FrameMailbox();
        mailboxes.add(mailbox);
        if (!running) {
            mailbox.close();
        }
        LiveBus.Subscription frames = bus.subscribeFrames(cameraId, mailbox::offer);
        return new Viewer(mailbox, () -> {
            mailboxes.remove(mailbox);
            frames.close();
        });
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        mailboxes.forEach(FrameMailbox::close);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** A viewer's mailbox and its way out. */
    public record Viewer(FrameMailbox mailbox, LiveBus.Subscription membership) implements AutoCloseable {
        @Override
        public void close() {
            membership.close();
        }
    }
}
