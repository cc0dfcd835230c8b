package io.hardhats.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.hardhats.bus.LiveBus;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.hardhats.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Browsers close live streams all the time (a tab closes, a page changes). The server notices
 * when its next write fails; that is the normal end of a stream and leaves nothing in the log.
 */
@ExtendWith(OutputCaptureExtension.class)
class ViewersLeavingTest extends ApiTest {

    private static final int STREAMS = 20;
    private static final Duration GONE_WITHIN = Duration.ofSeconds(20);
    private static final String SSE = "/api/sse/events";
    private static final String MJPEG = "/api/stream/{cameraId}";

    @Autowired
    LiveBus bus;

    @Autowired
    MeterRegistry meters;

    @Test
    void eventStreamsDroppedByTheirBrowsersLeaveNoErrorInTheLog(CapturedOutput output) throws Exception {
        Member admin = register("Leaving Events Corp");
        String channel = LiveBus.messageChannel(admin.organizationId());
        long finishedBefore = finished(SSE);
        List<SseReader> readers = new ArrayList<>();
        for (int i = 0; i < STREAMS; i++) {
            SseReader reader = new SseReader(port, admin.client().sessionCookie(), null);
            assertThat(reader.status()).isEqualTo(200);
            assertThat(reader.nextComment(Duration.ofSeconds(5))).as("heartbeat").isNotNull();
            readers.add(reader);
        }
        assertThat(bus.listenerCount(channel)).isEqualTo(STREAMS);

        for (SseReader reader : readers) {
            reader.close();
        }
        // Heartbeats (every second here) hit the closed connections until each stream has ended.
        await().atMost(GONE_WITHIN).until(() -> bus.listenerCount(channel) == 0);
        await().atMost(GONE_WITHIN).until(() -> finished(SSE) >= finishedBefore + STREAMS);

        assertQuiet(output);
    }

    @Test
    void mjpegStreamsDroppedByTheirViewersLeaveNoErrorInTheLog(CapturedOutput output) throws Exception {
        Member admin = register("Leaving Frames Corp");
        UUID camera = createCamera(admin, "Crane");
        String channel = LiveBus.frameChannel(camera);
        long finishedBefore = finished(MJPEG);
        List<MjpegReader> readers = new ArrayList<>();
        for (int i = 0; i < STREAMS; i++) {
            MjpegReader reader = new MjpegReader(port, "/api/stream/" + camera, admin.client().sessionCookie());
            assertThat(reader.status()).isEqualTo(200);
            reader.nextFrame();
            readers.add(reader);
        }
        await().atMost(GONE_WITHIN).until(() -> bus.listenerCount(channel) == STREAMS);

        for (MjpegReader reader : readers) {
            reader.close();
        }
        // Frames keep coming; each write to a closed connection ends that viewer's stream.
        await().atMost(GONE_WITHIN).pollInterval(Duration.ofMillis(100)).until(() -> {
            bus.publishFrame(camera, StandInFrame.NO_SIGNAL.jpeg());
            return bus.listenerCount(channel) == 0;
        });
        await().atMost(GONE_WITHIN).until(() -> finished(MJPEG) >= finishedBefore + STREAMS);

        assertQuiet(output);
    }

    /** Requests to the route that have finished, error handling included (they are timed when done). */
    private long finished(String route) {
        return meters.find("http.server.requests").tag("uri", route).timers().stream().mapToLong(Timer::count).sum();
    }

    private static void assertQuiet(CapturedOutput output) {
        assertThat(output.getOut().lines())
                .as("log lines at ERROR, stack traces or failed error answers")
                .noneMatch(line -> line.contains(" ERROR ") || line.startsWith("\tat ")
                        || line.contains("Exception:") || line.contains("No converter"));
    }
}
