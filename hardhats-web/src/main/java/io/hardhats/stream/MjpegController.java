package io.hardhats.stream;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.hardhats.session.SessionPrincipal;
import io.hardhats.bus.LiveBus;
import io.hardhats.cameras.CameraService;
import io.hardhats.cameras.CameraView;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Live annotated frames as MJPEG ({@code multipart/x-mixed-replace}), which an {@code <img>}
 * shows natively with the session cookie. The latest frame goes out at once, or a stand-in
 * picture when there is none: "waiting for the first frame" until the camera has delivered one,
 * "no signal" after that; the stand-in goes out again after 30 s without a frame. Each stream
 * holds its request thread (a virtual thread on Java 21+).
 *
 * <p>Workers encode a camera's frames only while it is wanted (see {@link LiveBus#wantedFrames}),
 * so a camera nobody watched may have no recent frame: a stream or snapshot of a camera that is
 * delivering then waits for the first frame its worker encodes, about one analysis period.
 */
@RestController
public record MjpegController(CameraService cameras, CameraFeeds feeds, SnapshotWaits snapshots, LiveBus bus) {

    static final String BOUNDARY = "hardhatsframe";
    static final Duration NO_SIGNAL_AFTER = Duration.ofSeconds(30);
    /** Added to a camera's analysis period when waiting for its first frame: decoding, analysis and transport. */
    static final Duration FIRST_FRAME_MARGIN = Duration.ofSeconds(1);

    @GetMapping("/api/stream/{cameraId}")
    public void stream(@PathVariable UUID cameraId, @AuthenticationPrincipal SessionPrincipal principal,
            HttpServletResponse response) throws IOException {
        CameraView camera = cameras.get(cameraId);
        StandInFrame standIn = StandInFrame.of(camera.lastSeen() != null);
        try (CameraFeeds.Viewer viewer = feeds.watch(cameraId, principal)) {
            response.setContentType("multipart/x-mixed-replace; boundary=" + BOUNDARY);
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache, no-store, must-revalidate");
            response.setHeader("X-Accel-Buffering", "no");
            ServletOutputStream out = response.getOutputStream();
            byte[] next = latest(cameraId);
            if (next == null && camera.online()) {
                next = viewer.mailbox().take(firstFrameWait(camera).toMillis(), TimeUnit.MILLISECONDS);
            }
            while (next != FrameMailbox.CLOSED) {
                if (next == null) {
                    // A browser shows a part once the next one begins; nothing else may follow a stand-in for a while.
                    writePart(out, standIn.jpeg());
                    writePart(out, standIn.jpeg());
                } else {
                    writePart(out, next);
                    standIn = StandInFrame.NO_SIGNAL;
                }
                next = viewer.mailbox().take(NO_SIGNAL_AFTER.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // The viewer went away; leaving the feed is all there is to do.
        }
    }

    /**
     * Keeps the camera's frames wanted for a while, so the next snapshot of a tile is fresh too.
     * Waits for a frame only within the organisation's share of snapshot waits ({@link SnapshotWaits}).
     */
    @GetMapping("/api/stream/{cameraId}/snapshot")
    public ResponseEntity<byte[]> snapshot(@PathVariable UUID cameraId,
            @AuthenticationPrincipal SessionPrincipal principal) throws InterruptedException {
        CameraView camera = cameras.get(cameraId);
        bus.wantFrames(cameraId);
        byte[] frame = latest(cameraId);
        if (frame == null && camera.online()) {
            frame = snapshots.next(principal.organizationId(), cameraId, firstFrameWait(camera));
        }
        StandInFrame standIn = StandInFrame.of(camera.lastSeen() != null);
        return ResponseEntity.ok()
                .contentType(MediaType.IMAGE_JPEG)
                .cacheControl(CacheControl.noStore())
                .header("X-Frame-Status", frame != null ? "live" : standIn.status())
                .body(frame != null ? frame : standIn.jpeg());
    }

    private byte[] latest(UUID cameraId) {
        return bus.latestFrame(cameraId).map(LiveBus.Frame::jpeg).orElse(null);
    }

    /**
     * How long a delivering camera's next frame may take: one analysis period plus the time its
     * worker takes to notice the viewer.
     */
    private static Duration firstFrameWait(CameraView camera) {
        long period = Math.round(1000 / camera.targetFps());
        return Duration.ofMillis(period).plus(LiveBus.DEMAND_CHECK_EVERY).plus(FIRST_FRAME_MARGIN);
    }

    private static void writePart(ServletOutputStream out, byte[] jpeg) throws IOException {
        String header = "--" + BOUNDARY + "\r\nContent-Type: image/jpeg\r\nContent-Length: " + jpeg.length + "\r\n\r\n";
        out.write(header.getBytes(StandardCharsets.US_ASCII));
        out.write(jpeg);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }
}
