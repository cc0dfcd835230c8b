package io.hardhats.stream;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.hardhats.session.SessionPrincipal;
import io.hardhats.bus.LiveBus;
import org.springframework.stereotype.Component;

/**
 * The MJPEG viewers of one web instance, each a listener of its camera's frames on the bus
 * (which holds one subscription per watched camera per instance). Stopping ends every stream
 * first, so a graceful shutdown does not wait for endless responses.
 */
@Component
public class CameraFeeds extends OpenStreams<FrameMailbox> {

    private final LiveBus bus;

    CameraFeeds(LiveBus bus, StreamQuota quota) {
        super(quota);
        this.bus = bus;
    }

    /**
     * Starts receiving a camera's frames; close the viewer when it leaves.
     *
     * @throws io.hardhats.web.ApiException 429 when the viewer's session or organisation holds its share of streams
     */
    public Viewer watch(UUID cameraId, SessionPrincipal viewer) {
        FrameMailbox mailbox = new FrameMailbox();
        opened(mailbox, viewer);
        LiveBus.Subscription frames = bus.subscribeFrames(cameraId, mailbox::offer);
        return new Viewer(mailbox, () -> {
            closed(mailbox);
            frames.close();
        });
    }

    /** The camera's next frame, or null when none comes within the wait; for one picture, not a stream. */
    byte[] next(UUID cameraId, Duration wait) throws InterruptedException {
        FrameMailbox mailbox = new FrameMailbox();
        try (LiveBus.Subscription frames = bus.subscribeFrames(cameraId, mailbox::offer)) {
            return mailbox.take(wait.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    protected void end(FrameMailbox mailbox) {
        mailbox.close();
    }

    /** A viewer's mailbox and its way out. */
    public record Viewer(FrameMailbox mailbox, LiveBus.Subscription membership) implements AutoCloseable {
        @Override
        public void close() {
            membership.close();
        }
    }
}
