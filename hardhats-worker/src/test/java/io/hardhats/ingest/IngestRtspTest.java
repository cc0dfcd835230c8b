package io.hardhats.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import io.hardhats.cameras.CameraHostGuard;
import io.hardhats.cameras.CameraStatus;
import io.hardhats.cameras.SourceType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Against a real RTSP server (GStreamer) with basic auth, streaming an H.264 clip. */
class IngestRtspTest {

    static RtspTestServer server;

    @BeforeAll
    static void startServer() {
        server = RtspTestServer.start(TestClips.small(40));
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    static CameraSource rtsp(String url, double fps) {
        return new CameraSource(UUID.randomUUID(), SourceType.RTSP, url, null, false, fps, 0);
    }

    @Test
    void connectsWithCredentialsAndDeliversFramesAtTheTargetRate() throws Exception {
        RecordingListener l = new RecordingListener();
        FfmpegCameraIngestFactory factory = new FfmpegCameraIngestFactory(new CameraHostGuard(true));
        FfmpegCameraIngest ingest = (FfmpegCameraIngest) factory.start(rtsp(server.url(), 2.0), l);
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> l.frames.get() >= 1);
            assertThat(l.statuses).extracting(RecordingListener.Status::status)
                    .containsExactly(CameraStatus.CONNECTING, CameraStatus.ONLINE);
            int start = l.frames.get();
            Thread.sleep(6000);
            assertThat(l.frames.get() - start).isBetween(5, 20); // ~12 at 2 fps
            assertThat(l.lastWidth).isEqualTo(640);
            assertThat(ingest.keyframesOnly()).isFalse();
        } finally {
            long t0 = System.nanoTime();
            ingest.close();
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
            assertThat(ingest.isAlive()).isFalse();
        }
    }

    @Test
    void aWrongPasswordEndsInAClearAuthErrorWithoutThePassword() {
        RecordingListener l = new RecordingListener();
        FfmpegCameraIngestFactory factory =
                new FfmpegCameraIngestFactory(IngestFileAndDecodeTest.FAST, new CameraHostGuard(true));
        try (CameraIngest ingest = factory.start(rtsp(server.url(RtspTestServer.USER, "Wr0ngPass"), 1.0), l)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> l.last() == CameraStatus.ERROR);
            assertThat(l.lastStatus().message()).contains("authentication failed")
                    .doesNotContain("Wr0ngPass").doesNotContain(RtspTestServer.USER + ":");
            assertThat(l.frames.get()).isZero();
        }
    }

    /** The worker checks the address when it connects, not only when the camera was saved. */
    @Test
    void aWorkerInProductionModeNeverConnectsToALoopbackCamera() {
        RecordingListener l = new RecordingListener();
        FfmpegCameraIngestFactory factory =
                new FfmpegCameraIngestFactory(IngestFileAndDecodeTest.FAST, new CameraHostGuard(false));
        try (CameraIngest ingest = factory.start(rtsp(server.url(), 1.0), l)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> l.last() == CameraStatus.ERROR);
            assertThat(l.lastStatus().message()).contains("refused").contains("loopback");
            assertThat(l.statuses).extracting(RecordingListener.Status::status).doesNotContain(CameraStatus.ONLINE);
            assertThat(l.frames.get()).isZero();
        }
    }

    @Test
    void reconnectsWithBackoffWhenTheServerComesBack() throws Exception {
        Path40 clip = new Path40();
        try (RtspTestServer own = RtspTestServer.start(clip.path)) {
            RecordingListener l = new RecordingListener();
            IngestSettings patient = new IngestSettings(Duration.ofMillis(200), Duration.ofSeconds(1), 50,
                    Duration.ofSeconds(60), Duration.ofSeconds(3), Duration.ofSeconds(20), Duration.ofMinutes(5));
            try (CameraIngest ingest = new FfmpegCameraIngestFactory(patient, new CameraHostGuard(true)).start(rtsp(own.url(), 2.0), l)) {
                await().atMost(Duration.ofSeconds(60)).until(() -> l.last() == CameraStatus.ONLINE);
                own.stop();
                await().atMost(Duration.ofSeconds(60)).until(() -> l.last() == CameraStatus.CONNECTING);
                Thread.sleep(2000); // a few failed tries while the server is down
                int before = l.frames.get();
                own.start();
                await().atMost(Duration.ofSeconds(60)).until(() -> l.last() == CameraStatus.ONLINE
                        && l.frames.get() > before);
                assertThat(l.saw(CameraStatus.ERROR)).isFalse();
                assertThat(l.statuses).extracting(RecordingListener.Status::status).containsSubsequence(
                        CameraStatus.CONNECTING, CameraStatus.ONLINE, CameraStatus.CONNECTING, CameraStatus.ONLINE);
            }
        }
    }

    /** The shared 40 s clip. */
    private static final class Path40 {
        final java.nio.file.Path path = TestClips.small(40);
    }

    @Test
    void theProbeReportsTheStreamOrAClassifiedError() {
        SourceProbe probe = new SourceProbe();
        Duration time = ProbeLimits.DEFAULTS.deadline();
        SourceProbe.Result ok = probe.probe(server.url(), time, ProbeLimits.DEFAULTS);
        assertThat(ok.ok()).isTrue();
        assertThat(ok.codec()).isEqualTo("h264");
        assertThat(ok.width()).isEqualTo(640);
        assertThat(ok.height()).isEqualTo(360);
        assertThat(ok.keyframeIntervalSeconds()).isBetween(1.5, 2.5);

        SourceProbe.Result auth = probe.probe(server.url(RtspTestServer.USER, "nope-pw"), time, ProbeLimits.DEFAULTS);
        assertThat(auth.ok()).isFalse();
        assertThat(auth.failure().kind()).isEqualTo(SourceFailure.Kind.AUTH_FAILED);
        assertThat(auth.failure().message()).doesNotContain("nope-pw");

        SourceProbe.Result down = probe.probe("rtsp://a:b@127.0.0.1:" + RtspTestServer.freePort() + "/x",
                Duration.ofSeconds(6), ProbeLimits.DEFAULTS);
        assertThat(down.failure().kind()).isEqualTo(SourceFailure.Kind.UNREACHABLE);
        assertThat(probe.probe(TestClips.textFile().toString(), time, ProbeLimits.DEFAULTS).failure().kind())
                .isIn(SourceFailure.Kind.NOT_A_VIDEO, SourceFailure.Kind.OTHER);
    }
}
