package io.hardhats.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import io.hardhats.cameras.CameraHostGuard;
import io.hardhats.cameras.CameraStatus;
import io.hardhats.cameras.SourceType;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.junit.jupiter.api.Test;

/** File sources, placeholders and decode modes, on clips made with the ffmpeg CLI. */
class IngestFileAndDecodeTest {

    static final IngestSettings FAST = new IngestSettings(Duration.ofMillis(100), Duration.ofMillis(400), 2,
            Duration.ofSeconds(60), Duration.ofSeconds(3), Duration.ofSeconds(20), Duration.ofMinutes(5));

    private final FfmpegCameraIngestFactory factory = new FfmpegCameraIngestFactory(FAST, new CameraHostGuard(true));

    static CameraSource file(Path clip, double fps) {
        return new CameraSource(UUID.randomUUID(), SourceType.FILE, clip.toString(), null, false, fps, 0);
    }

    @Test
    void keyframeOnlyDecodingReallyDecodesFewerFrames() throws Exception {
        Path clip = TestClips.small(6); // 150 frames, keyframes at 0, 2, 4 s
        assertThat(countDecoded(clip, false)).isBetween(140, 160);
        assertThat(countDecoded(clip, true)).isBetween(2, 4);
    }

    /** Pictures the ingest's decoder gives for the whole clip, read by the ingest's demuxer. */
    private static int countDecoded(Path clip, boolean keyframesOnly) throws Exception {
        int n = 0;
        try (Demuxer demuxer = Demuxer.open(clip.toString(), Duration.ofSeconds(5));
                VideoDecoder decoder = new VideoDecoder(demuxer, 0, keyframesOnly)) {
            AVPacket packet;
            while ((packet = demuxer.read()) != null) {
                try {
                    if (decoder.isVideo(packet)) {
                        decoder.send(packet);
                    }
                } finally {
                    av_packet_unref(packet);
                }
                while (decoder.receive()) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void theIngestChoosesKeyframeOnlyWhenTheAnalysisIntervalCoversTheGop() {
        Path clip = TestClips.small(6);
        RecordingListener slowL = new RecordingListener();
        RecordingListener fastL = new RecordingListener();
        FfmpegCameraIngest slow = (FfmpegCameraIngest) factory.start(file(clip, 0.5), slowL);
        FfmpegCameraIngest fast = (FfmpegCameraIngest) factory.start(file(clip, 2.0), fastL);
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> slowL.frames.get() >= 4 && fastL.frames.get() >= 12);
            assertThat(slow.keyframesOnly()).isTrue();
            assertThat(fast.keyframesOnly()).isFalse();
            // after the first GOP (measured decoding all frames): decode-and-drop decodes every
            // frame (25 a second), keyframe-only one per analysed frame
            long slowDecoded = slow.decodedFrames();
            long fastDecoded = fast.decodedFrames();
            int slowFrames = slowL.frames.get();
            await().atMost(Duration.ofSeconds(60)).until(() -> slowL.frames.get() >= slowFrames + 3);
            long slowDelta = slow.decodedFrames() - slowDecoded;
            long fastDelta = fast.decodedFrames() - fastDecoded;
            assertThat(slowDelta).isBetween(3L, 6L);
            assertThat(fastDelta).isGreaterThan(slowDelta * 8);
            assertThat(slowL.lastWidth).isEqualTo(640);
            assertThat(slowL.lastChannels).isEqualTo(3);
        } finally {
            slow.close();
            fast.close();
        }
    }

    @Test
    void aFileSourceLoopsForeverInRealTime() {
        Path clip = TestClips.small(2); // 50 frames
        RecordingListener l = new RecordingListener();
        FfmpegCameraIngest ingest = (FfmpegCameraIngest) factory.start(file(clip, 2.0), l);
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> l.frames.get() >= 12); // ≥ 3 loops
            assertThat(ingest.decodedFrames()).isGreaterThan(120);
            assertThat(l.statuses).extracting(RecordingListener.Status::status)
                    .containsSubsequence(CameraStatus.CONNECTING, CameraStatus.ONLINE)
                    .doesNotContain(CameraStatus.ERROR);
            assertThat(l.placeholderFrames.get()).isZero();
        } finally {
            long t0 = System.nanoTime();
            ingest.close();
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
            assertThat(ingest.isAlive()).isFalse();
        }
    }

    @Test
    void wideFramesAreScaledDownWhileDecoded() {
        Path clip = TestClips.fullHd(4);
        RecordingListener capped = new RecordingListener();
        RecordingListener full = new RecordingListener();
        CameraSource cappedSource = new CameraSource(UUID.randomUUID(), SourceType.FILE, clip.toString(), null, false,
                2.0, 1280);
        try (CameraIngest a = factory.start(cappedSource, capped); CameraIngest b = factory.start(file(clip, 2.0), full)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> capped.frames.get() >= 2 && full.frames.get() >= 2);
        }
        assertThat(capped.lastWidth).isEqualTo(1280);
        assertThat(capped.lastHeight).isEqualTo(720);
        assertThat(capped.lastChannels).isEqualTo(3);
        assertThat(full.lastWidth).isEqualTo(1920);
        assertThat(full.lastHeight).isEqualTo(1080);
    }

    @Test
    void forcePlaceholderPlaysThePlaceholderFlagged() {
        Path clip = TestClips.small(2);
        RecordingListener l = new RecordingListener();
        CameraSource source = new CameraSource(UUID.randomUUID(), SourceType.RTSP,
                "rtsp://u:pw@127.0.0.1:1/never", clip, true, 2.0, 0);
        try (CameraIngest ingest = factory.start(source, l)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> l.placeholderFrames.get() >= 3);
            assertThat(l.liveFrames.get()).isZero();
            assertThat(l.last()).isEqualTo(CameraStatus.PLACEHOLDER);
            assertThat(l.saw(CameraStatus.CONNECTING)).isFalse();
        }
    }

    @Test
    void exhaustedRetriesFallBackToThePlaceholder() {
        Path clip = TestClips.small(2);
        RecordingListener l = new RecordingListener();
        CameraSource source = new CameraSource(UUID.randomUUID(), SourceType.RTSP,
                "rtsp://admin:hunter2@127.0.0.1:" + RtspTestServer.freePort() + "/cam", clip, false, 2.0, 0);
        try (CameraIngest ingest = factory.start(source, l)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> l.placeholderFrames.get() >= 2);
            assertThat(l.statuses).extracting(RecordingListener.Status::status)
                    .containsSubsequence(CameraStatus.CONNECTING, CameraStatus.PLACEHOLDER)
                    .doesNotContain(CameraStatus.ONLINE);
            assertThat(l.lastStatus().message()).contains("refused the connection").doesNotContain("hunter2");
            assertThat(l.liveFrames.get()).isZero();
        }
    }

    @Test
    void brokenSourcesReportErrorsAndNeverDisturbOtherCameras() {
        RecordingListener good = new RecordingListener();
        RecordingListener notVideo = new RecordingListener();
        RecordingListener missing = new RecordingListener();
        RecordingListener throwing = new RecordingListener() {
            @Override
            public void onFrame(org.bytedeco.opencv.opencv_core.Mat bgr, java.time.Instant at, boolean p) {
                super.onFrame(bgr, at, p);
                throw new IllegalStateException("listener bug");
            }
        };
        CameraIngest nullSource = factory.start(null, new RecordingListener());
        nullSource.close();
        try (CameraIngest a = factory.start(file(TestClips.small(2), 2.0), good);
             CameraIngest b = factory.start(file(TestClips.textFile(), 2.0), notVideo);
             CameraIngest c = factory.start(file(Path.of("/nonexistent/clip.mp4"), 2.0), missing);
             CameraIngest d = factory.start(file(TestClips.small(2), 2.0), throwing)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> notVideo.last() == CameraStatus.ERROR
                    && missing.last() == CameraStatus.ERROR && good.frames.get() >= 4 && throwing.frames.get() >= 4);
            assertThat(notVideo.lastStatus().message()).containsAnyOf("not a video", "could not read");
            assertThat(missing.lastStatus().message()).contains("not found");
        }
    }

    @Test
    void aPictureLargerThan4kIsAnErrorBeforeAnyOfItIsDecoded() {
        Path huge = TestVideos.make(TestClips.DIR.resolve("huge.avi"), "color=c=gray:size=4000x2256:rate=1",
                "-frames:v", "1", "-c:v", "mpeg4");
        RecordingListener l = new RecordingListener();
        try (CameraIngest ingest = factory.start(file(huge, 0.5), l)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> l.last() == CameraStatus.ERROR);
            assertThat(l.lastStatus().message()).contains("4000x2256").contains("3840x2160");
            assertThat(((FfmpegCameraIngest) ingest).decodedFrames()).isZero();
            assertThat(l.frames.get()).isZero();
        }
    }
}
