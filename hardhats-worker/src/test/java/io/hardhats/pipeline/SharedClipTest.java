package io.hardhats.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.hardhats.HardhatsApplication;
import io.hardhats.TestDatabase;
import io.hardhats.clips.CameraClips;
import io.hardhats.clips.ClipRings;
import io.hardhats.events.Severity;
import io.hardhats.events.ViolationType;
import io.hardhats.publish.Jpeg;
import io.hardhats.rules.Violation;
import io.hardhats.vision.BoundingBox;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Violations of one camera within one clip's span share that clip: one encode, one blob
 * referenced by each of their events. A violation after the span gets a clip of its own.
 */
@SpringBootTest(classes = HardhatsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"hardhats.role=worker", "hardhats.fleet.enabled=false",
                "hardhats.secret-key=test-only-signing-key-0123456789-abcdefghij",
                "hardhats.encryption-key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
                "hardhats.clips.before=1s", "hardhats.clips.after=1s"})
@Import(PipelineTestData.class)
class SharedClipTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("hardhats.database-url", TestDatabase::url);
    }

    @Autowired
    PipelineTestData data;
    @Autowired
    EventRecorder recorder;
    @Autowired
    ClipRings rings;

    @Test
    void violationsWithinOneClipsSpanShareItsBlob() {
        UUID organization = data.organization("Shared clips");
        UUID camera = data.placeholderCamera(organization, "Gate", settings -> { });
        CameraClips clips = rings.open(camera, 2.5);
        try {
            Instant base = Instant.now();
            byte[] frame = frame();
            for (int i = -2; i <= 0; i++) {
                clips.analysed(frame, base.plusMillis(400L * i), false);
            }
            UUID first = record(organization, camera, base);
            UUID joined = record(organization, camera, base.plusMillis(300));
            UUID later = record(organization, camera, base.plusMillis(1_500));
            for (int i = 1; i <= 5; i++) {
                clips.analysed(frame, base.plusMillis(400L * i), false);
            }

            await().atMost(Duration.ofSeconds(60)).until(() -> clipped(organization, camera) == 3);

            assertThat(clipOf(organization, first)).isEqualTo(clipOf(organization, joined));
            assertThat(clipOf(organization, later)).isNotEqualTo(clipOf(organization, first));
            assertThat(data.count(organization, "SELECT count(*) FROM blobs WHERE kind = 'clip_blob' "
                    + "AND organization_id = ?", organization)).as("two clips for three events").isEqualTo(2);
        } finally {
            rings.close(camera);
        }
    }

    private UUID record(UUID organization, UUID camera, Instant at) {
        Violation violation = new Violation(ViolationType.NO_HARDHAT, Severity.HIGH, 0.9f, 1,
                new BoundingBox(10, 10, 50, 90), new double[] {0.1, 0.1, 0.2, 0.4});
        byte[] jpeg = frame();
        return recorder.record(organization, camera, List.of(new EventRecorder.Flagged(violation, jpeg)), jpeg, at)
                .get(0).id();
    }

    private long clipped(UUID organization, UUID camera) {
        return data.count(organization, "SELECT count(*) FROM events WHERE camera_id = ? AND clip_blob IS NOT NULL",
                camera);
    }

    private UUID clipOf(UUID organization, UUID event) {
        return data.query(organization, "SELECT clip_blob FROM events WHERE id = ?", event, UUID.class);
    }

    private static byte[] frame() {
        try (Mat grey = new Mat(96, 128, CV_8UC3, new Scalar(90, 120, 140, 0))) {
            return Jpeg.encode(grey, 80);
        }
    }
}
