package io.hardhats.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.hardhats.HardhatsApplication;
import io.hardhats.TestDatabase;
import io.hardhats.bus.LiveBus;
import io.hardhats.cameras.DetectionMode;
import io.hardhats.ingest.CameraIngest;
import io.hardhats.vision.SharedFiles;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A worker process end to end: the fleet claims a camera whose placeholder is a real site clip,
 * the pipeline decodes it, runs the real model, records violations with thumbnails and daily
 * statistics, keeps the camera's status current and publishes annotated frames.
 */
@SpringBootTest(classes = HardhatsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"hardhats.role=worker",
                "hardhats.secret-key=test-only-signing-key-0123456789-abcdefghij",
                "hardhats.encryption-key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
                "hardhats.fleet.renew-every=1s", "hardhats.fleet.ttl=3s", "hardhats.fleet.poll-every=200ms"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@Import(PipelineTestData.class)
class CameraPipelineEndToEndTest {

    @Autowired
    PipelineTestData data;

    @Autowired
    LiveBus bus;

    @Autowired
    CameraPipelines pipelines;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("hardhats.database-url", TestDatabase::url);
        registry.add("hardhats.model-path", () -> SharedFiles.referenceModel().toString());
    }

    @Test
    void aPlaceholderCameraProducesAnnotatedFramesEventsAndStatistics() {
        UUID organization = data.organization("Pipeline");
        UUID cameraId = data.placeholderCamera(organization, "Slab pour", camera -> camera.setConfidenceThreshold(0.3));

        AtomicReference<byte[]> frame = new AtomicReference<>();
        try (LiveBus.Subscription ignored = bus.subscribeFrames(cameraId, frame::set)) {
            await().atMost(Duration.ofSeconds(90)).until(() -> frame.get() != null);
        }
        byte[] jpeg = frame.get();
        assertThat(jpeg[0]).isEqualTo((byte) 0xFF);
        assertThat(jpeg[1]).isEqualTo((byte) 0xD8);

        await().atMost(Duration.ofSeconds(30)).until(() -> "placeholder".equals(data.query(organization,
                "SELECT status FROM cameras WHERE id = ?", cameraId, String.class)));
        await().atMost(Duration.ofSeconds(120)).until(() -> data.count(organization,
                "SELECT count(*) FROM events WHERE camera_id = ? AND thumbnail_path IS NOT NULL", cameraId) > 0);
        await().atMost(Duration.ofSeconds(30)).until(() -> data.count(organization,
                "SELECT coalesce(sum(count), 0) FROM daily_violation_counts WHERE camera_id = ?", cameraId) > 0);
        await().atMost(Duration.ofSeconds(30)).until(() -> data.count(organization,
                "SELECT coalesce(sum(frames_processed), 0) FROM daily_stats WHERE camera_id = ?", cameraId) > 0);
    }

    @Test
    void editedZoneAndThresholdApplyToTheRunningCameraWithoutReconnecting() {
        UUID organization = data.organization("Live edit");
        UUID cameraId = data.placeholderCamera(organization, "Crane zone", camera -> {
            camera.setDetectionMode(DetectionMode.ZONE);
            camera.setZonePolygonJson("[[0,0],[0.02,0],[0,0.02]]"); // a corner nobody stands in
        });

        AtomicInteger frames = new AtomicInteger();
        try (LiveBus.Subscription ignored = bus.subscribeFrames(cameraId, frame -> frames.incrementAndGet())) {
            await().atMost(Duration.ofSeconds(90)).until(() -> frames.get() >= 6);
        }
        CameraIngest ingest = pipelines.ingestOf(cameraId).orElseThrow();
        assertThat(data.count(organization, "SELECT count(*) FROM events WHERE camera_id = ?", cameraId)).isZero();

        data.update(organization, """
                UPDATE cameras SET zone_polygon = '[[0,0],[1,0],[1,1],[0,1]]'::jsonb, confidence_threshold = 0.3,
                                   updated_at = now()
                WHERE id = ?
                """, cameraId);

        await().atMost(Duration.ofSeconds(90)).until(() -> data.count(organization,
                "SELECT count(*) FROM events WHERE camera_id = ? AND violation_type = 'zone_breach'", cameraId) > 0);
        assertThat(pipelines.ingestOf(cameraId)).as("the stream was not reopened").containsSame(ingest);
        data.update(organization, "UPDATE cameras SET is_active = false WHERE id = ?", cameraId);
    }

    @Test
    void eachEventKeepsTheWholeAnnotatedFrameAtMost1280Wide() {
        UUID organization = data.organization("Frames");
        UUID cameraId = data.placeholderCamera(organization, "Rebar yard", camera -> camera.setConfidenceThreshold(0.3));

        await().atMost(Duration.ofSeconds(120)).until(() -> data.count(organization,
                "SELECT count(*) FROM events WHERE camera_id = ? AND frame_blob IS NOT NULL", cameraId) > 0);
        String first = " FROM events WHERE camera_id = ? AND frame_blob IS NOT NULL ORDER BY created_at, id LIMIT 1";
        BufferedImage frame = data.image(organization, data.query(organization, "SELECT frame_blob" + first,
                cameraId, UUID.class));
        BufferedImage thumbnail = data.image(organization, UUID.fromString(data.query(organization,
                "SELECT thumbnail_path" + first, cameraId, String.class)));
        assertThat(frame).as("a decodable JPEG").isNotNull();
        assertThat(frame.getWidth()).isLessThanOrEqualTo(1280).isGreaterThan(thumbnail.getWidth());
        data.update(organization, "UPDATE cameras SET is_active = false WHERE id = ?", cameraId);
    }
}
