package io.hardhats.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.hardhats.bus.LiveBus;
import io.hardhats.cameras.CameraStatus;
import io.hardhats.support.ApiTest;
import io.hardhats.support.HttpResult;
import io.hardhats.support.TenantData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class MjpegStreamTest extends ApiTest {

    @Autowired
    LiveBus bus;

    @Autowired
    TenantData data;

    /** A distinct, valid-looking JPEG (SOI marker, payload, EOI marker). */
    private static byte[] jpeg(int marker, int size) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, (byte) marker);
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xD8;
        bytes[size - 2] = (byte) 0xFF;
        bytes[size - 1] = (byte) 0xD9;
        return bytes;
    }

    /** The camera's listeners on the bus, which shares one subscription among them (see RedisLiveDeliveryTest). */
    private int viewers(UUID camera) {
        return bus.listenerCount(LiveBus.frameChannel(camera));
    }

    @Test
    void sendsTheLatestFrameAtOnceThenEachNewFrame() throws Exception {
        Member admin = register("Mjpeg Corp");
        UUID camera = createCamera(admin, "Gate");
        byte[] latest = jpeg(1, 5_000);
        bus.publishFrame(camera, latest);

        try (MjpegReader reader = new MjpegReader(port, "/api/stream/" + camera, admin.client().sessionCookie())) {
            assertThat(reader.status()).isEqualTo(200);
            assertThat(reader.contentType()).startsWith("multipart/x-mixed-replace; boundary=");
            assertThat(reader.nextFrame()).isEqualTo(latest);

            await().atMost(Duration.ofSeconds(5)).until(() -> viewers(camera) > 0);
            byte[] next = jpeg(2, 7_000);
            bus.publishFrame(camera, next);
            assertThat(reader.nextFrame()).isEqualTo(next);
        }
    }

    @Test
    void saysWaitingUntilTheCamerasFirstFrameAndNoSignalOnceItHasStopped() throws Exception {
        Member admin = register("Quiet Corp");
        UUID camera = createCamera(admin, "Quiet");
        try (MjpegReader reader = new MjpegReader(port, "/api/stream/" + camera, admin.client().sessionCookie())) {
            assertThat(reader.nextFrame()).as("never delivered a frame").isEqualTo(StandInFrame.WAITING.jpeg());
            assertThat(reader.nextFrame()).as("twice, as a browser shows a part once the next begins")
                    .isEqualTo(StandInFrame.WAITING.jpeg());
        }
        HttpResult snapshot = admin.client().get("/api/stream/" + camera + "/snapshot");
        assertThat(snapshot.status()).isEqualTo(200);
        assertThat(snapshot.header("X-Frame-Status")).as("never delivered a frame").contains("waiting");
        assertThat(snapshot.header("Content-Type")).contains("image/jpeg");

        data.cameraReported(admin.organizationId(), camera, CameraStatus.ERROR, Instant.now().minusSeconds(120));
        assertThat(admin.client().get("/api/stream/" + camera + "/snapshot").header("X-Frame-Status"))
                .as("delivered once, silent now").contains("no-signal");
        try (MjpegReader reader = new MjpegReader(port, "/api/stream/" + camera, admin.client().sessionCookie())) {
            assertThat(reader.nextFrame()).as("delivered once, silent now").isEqualTo(StandInFrame.NO_SIGNAL.jpeg());
        }
    }

    @Test
    void aSnapshotOfADeliveringCameraNobodyWatchedWaitsForItsNextFrameAndKeepsItWanted() throws Exception {
        Member admin = register("Idle Corp");
        UUID camera = createCamera(admin, "Idle");
        data.cameraReported(admin.organizationId(), camera, CameraStatus.ONLINE, Instant.now());
        assertThat(bus.wantedFrames(List.of(camera))).isEmpty();

        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            Future<java.net.http.HttpResponse<byte[]>> snapshot = executor.submit(
                    () -> admin.client().getBytes("/api/stream/" + camera + "/snapshot"));
            await().atMost(Duration.ofSeconds(5)).until(() -> viewers(camera) == 1);
            assertThat(bus.wantedFrames(List.of(camera))).containsExactly(camera);
            byte[] encoded = jpeg(9, 3_000);
            bus.publishFrame(camera, encoded);
            var answer = snapshot.get(10, TimeUnit.SECONDS);
            assertThat(answer.headers().firstValue("X-Frame-Status")).contains("live");
            assertThat(answer.body()).as("the frame encoded for it, not the no-signal picture").isEqualTo(encoded);
        } finally {
            executor.shutdownNow();
        }
        assertThat(viewers(camera)).as("the snapshot left the feed").isZero();
        assertThat(bus.wantedFrames(List.of(camera))).as("wanted a while longer, for the next snapshot")
                .containsExactly(camera);
    }

    @Test
    void snapshotAnswersTheLatestFrame() throws Exception {
        Member admin = register("Snapshot Corp");
        UUID camera = createCamera(admin, "Snap");
        byte[] frame = jpeg(3, 2_000);
        bus.publishFrame(camera, frame);
        var response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                        "http://localhost:" + port + "/api/stream/" + camera + "/snapshot"))
                        .header("Cookie", "session=" + admin.client().sessionCookie()).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(frame);
        assertThat(response.headers().firstValue("X-Frame-Status")).contains("live");
    }

    @Test
    void anotherOrganisationsCameraIsNotFoundAndStrangersAreTurnedAway() throws Exception {
        Member owner = register("Owner Corp");
        Member other = register("Other Corp");
        UUID camera = createCamera(owner, "Private");
        bus.publishFrame(camera, jpeg(4, 1_000));

        try (MjpegReader reader = new MjpegReader(port, "/api/stream/" + camera, other.client().sessionCookie())) {
            assertThat(reader.status()).isEqualTo(404);
        }
        assertThat(other.client().get("/api/stream/" + camera + "/snapshot").status()).isEqualTo(404);
        try (MjpegReader reader = new MjpegReader(port, "/api/stream/" + camera, null)) {
            assertThat(reader.status()).isEqualTo(401);
        }
    }

    @Test
    void fiftyViewersListenOnTheCameraUntilEachHasLeft() throws Exception {
        Member admin = register("Fanout Corp");
        UUID camera = createCamera(admin, "Crowd");
        bus.publishFrame(camera, jpeg(5, 1_000));
        List<MjpegReader> readers = new ArrayList<>();
        try {
            for (int i = 0; i < 50; i++) {
                MjpegReader reader = new MjpegReader(port, "/api/stream/" + camera, admin.client().sessionCookie());
                reader.nextFrame();
                readers.add(reader);
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> viewers(camera) == 50);

            byte[] broadcast = jpeg(6, 30_000);
            bus.publishFrame(camera, broadcast);
            for (MjpegReader reader : readers) {
                assertThat(reader.nextFrame()).isEqualTo(broadcast);
            }
        } finally {
            for (MjpegReader reader : readers) {
                reader.close();
            }
        }
        // The server notices a departed viewer on its next write.
        bus.publishFrame(camera, jpeg(7, 1_000));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            bus.publishFrame(camera, jpeg(8, 1_000));
            assertThat(viewers(camera)).isZero();
        });
    }

    @Test
    void aViewerThatStopsReadingDoesNotHoldUpTheOthers() throws Exception {
        Member admin = register("Slow Corp");
        UUID camera = createCamera(admin, "Busy");
        bus.publishFrame(camera, jpeg(9, 1_000));
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (MjpegReader stalled = new MjpegReader(port, "/api/stream/" + camera, admin.client().sessionCookie());
                MjpegReader fast = new MjpegReader(port, "/api/stream/" + camera, admin.client().sessionCookie())) {
            stalled.nextFrame();
            fast.nextFrame();
            await().atMost(Duration.ofSeconds(5)).until(() -> viewers(camera) > 0);

            byte[] last = jpeg(10, 200_000);
            Future<Integer> received = pool.submit(() -> {
                int frames = 0;
                while (true) {
                    byte[] frame = fast.nextFrame();
                    frames++;
                    if (Arrays.equals(frame, last)) {
                        return frames;
                    }
                }
            });
            // 200 frames of 200 kB: far more than socket buffers hold for the viewer that never reads.
            for (int i = 0; i < 199; i++) {
                bus.publishFrame(camera, jpeg(11 + i % 50, 200_000));
            }
            bus.publishFrame(camera, last);
            assertThat(received.get(30, TimeUnit.SECONDS)).isPositive();
        } finally {
            pool.shutdownNow();
        }
    }
}
