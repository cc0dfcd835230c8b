package io.hardhats.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.hardhats.HardhatsApplication;
import io.hardhats.TestDatabase;
import io.hardhats.blobs.BlobStore;
import io.hardhats.bus.LiveBus;
import io.hardhats.cameras.Camera;
import io.hardhats.cameras.CameraRepository;
import io.hardhats.cameras.DetectionMode;
import io.hardhats.cameras.SourceType;
import io.hardhats.ingest.CameraIngest;
import io.hardhats.tenancy.TenantContext;
import io.hardhats.vision.SharedFiles;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

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
class CameraPipelineEndToEndTest {

    @Autowired
    CameraRepository cameras;

    @Autowired
    BlobStore blobs;

    @Autowired
    LiveBus bus;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    CameraPipelines pipelines;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("hardhats.database-url", TestDatabase::url);
        registry.add("hardhats.model-path", () -> SharedFiles.referenceModel().toString());
    }

    @Test
    void aPlaceholderCameraProducesAnnotatedFramesEventsAndStatistics() throws Exception {
        UUID organization = organization("Pipeline");
        byte[] clip = Files.readAllBytes(SharedFiles.siteClip("site-helmets-wide.mp4"));
        UUID cameraId = TenantContext.callAs(organization, () -> transactions.execute(status -> {
            Camera camera = new Camera("Slab pour", SourceType.FILE);
            camera.setPlaceholderVideo(blobs.save("video/mp4", clip));
            camera.setUsePlaceholder(true);
            camera.setTargetFps(2.0);
            camera.setConfidenceThreshold(0.3);
            return cameras.save(camera).getId();
        }));

        AtomicReference<byte[]> frame = new AtomicReference<>();
        try (LiveBus.Subscription ignored = bus.subscribeFrames(cameraId, frame::set)) {
            await().atMost(Duration.ofSeconds(90)).until(() -> frame.get() != null);
        }
        byte[] jpeg = frame.get();
        assertThat(jpeg[0]).isEqualTo((byte) 0xFF);
        assertThat(jpeg[1]).isEqualTo((byte) 0xD8);

        await().atMost(Duration.ofSeconds(30)).until(() -> "placeholder".equals(query(organization,
                "SELECT status FROM cameras WHERE id = ?", cameraId)));
        await().atMost(Duration.ofSeconds(120)).until(() -> count(organization,
                "SELECT count(*) FROM events WHERE camera_id = ? AND thumbnail_path IS NOT NULL", cameraId) > 0);
        await().atMost(Duration.ofSeconds(30)).until(() -> count(organization,
                "SELECT coalesce(sum(count), 0) FROM daily_violation_counts WHERE camera_id = ?", cameraId) > 0);
        await().atMost(Duration.ofSeconds(30)).until(() -> count(organization,
                "SELECT coalesce(sum(frames_processed), 0) FROM daily_stats WHERE camera_id = ?", cameraId) > 0);
    }

    @Test
    void editedZoneAndThresholdApplyToTheRunningCameraWithoutReconnecting() throws Exception {
        UUID organization = organization("Live edit");
        byte[] clip = Files.readAllBytes(SharedFiles.siteClip("site-helmets-wide.mp4"));
        UUID cameraId = TenantContext.callAs(organization, () -> transactions.execute(status -> {
            Camera camera = new Camera("Crane zone", SourceType.FILE);
            camera.setPlaceholderVideo(blobs.save("video/mp4", clip));
            camera.setUsePlaceholder(true);
            camera.setTargetFps(2.0);
            camera.setDetectionMode(DetectionMode.ZONE);
            camera.setZonePolygonJson("[[0,0],[0.02,0],[0,0.02]]"); // a corner nobody stands in
            return cameras.save(camera).getId();
        }));

        AtomicInteger frames = new AtomicInteger();
        try (LiveBus.Subscription ignored = bus.subscribeFrames(cameraId, frame -> frames.incrementAndGet())) {
            await().atMost(Duration.ofSeconds(90)).until(() -> frames.get() >= 6);
        }
        CameraIngest ingest = pipelines.ingestOf(cameraId).orElseThrow();
        assertThat(count(organization, "SELECT count(*) FROM events WHERE camera_id = ?", cameraId)).isZero();

        TenantContext.runAs(organization, () -> transactions.executeWithoutResult(status -> jdbc.sql("""
                UPDATE cameras SET zone_polygon = '[[0,0],[1,0],[1,1],[0,1]]'::jsonb, confidence_threshold = 0.3,
                                   updated_at = now()
                WHERE id = ?
                """).param(cameraId).update()));

        await().atMost(Duration.ofSeconds(90)).until(() -> count(organization,
                "SELECT count(*) FROM events WHERE camera_id = ? AND violation_type = 'zone_breach'", cameraId) > 0);
        assertThat(pipelines.ingestOf(cameraId)).as("the stream was not reopened").containsSame(ingest);
        TenantContext.runAs(organization, () -> transactions.executeWithoutResult(status -> jdbc.sql(
                "UPDATE cameras SET is_active = false WHERE id = ?").param(cameraId).update()));
    }

    @Test
    void eachEventKeepsTheWholeAnnotatedFrameAtMost1280Wide() throws Exception {
        UUID organization = organization("Frames");
        byte[] clip = Files.readAllBytes(SharedFiles.siteClip("site-helmets-wide.mp4"));
        UUID cameraId = TenantContext.callAs(organization, () -> transactions.execute(status -> {
            Camera camera = new Camera("Rebar yard", SourceType.FILE);
            camera.setPlaceholderVideo(blobs.save("video/mp4", clip));
            camera.setUsePlaceholder(true);
            camera.setTargetFps(2.0);
            camera.setConfidenceThreshold(0.3);
            return cameras.save(camera).getId();
        }));

        await().atMost(Duration.ofSeconds(120)).until(() -> count(organization,
                "SELECT count(*) FROM events WHERE camera_id = ? AND frame_blob IS NOT NULL", cameraId) > 0);
        record Pictures(BufferedImage frame, BufferedImage thumbnail) {
        }
        Pictures pictures = TenantContext.callAs(organization, () -> transactions.execute(status -> jdbc.sql("""
                SELECT frame_blob, thumbnail_path FROM events
                WHERE camera_id = ? AND frame_blob IS NOT NULL LIMIT 1
                """).param(cameraId).query((rs, row) -> new Pictures(image(rs.getObject(1, UUID.class)),
                image(UUID.fromString(rs.getString(2))))).single()));
        BufferedImage frame = pictures.frame();
        BufferedImage thumbnail = pictures.thumbnail();
        assertThat(frame).as("a decodable JPEG").isNotNull();
        assertThat(frame.getWidth()).isLessThanOrEqualTo(1280).isGreaterThan(thumbnail.getWidth());
        TenantContext.runAs(organization, () -> transactions.executeWithoutResult(status -> jdbc.sql(
                "UPDATE cameras SET is_active = false WHERE id = ?").param(cameraId).update()));
    }

    private BufferedImage image(UUID blob) {
        try {
            return ImageIO.read(new ByteArrayInputStream(blobs.read(blob).orElseThrow().bytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private UUID organization(String name) {
        UUID organization = UUID.randomUUID();
        TenantContext.runAsSystem(() -> transactions.executeWithoutResult(status -> jdbc.sql("""
                INSERT INTO organizations (id, name, slug, max_cameras, max_users) VALUES (?, ?, ?, 5, 5)
                """).params(organization, name, "pipeline-" + organization).update()));
        return organization;
    }

    private String query(UUID organization, String sql, UUID id) {
        return TenantContext.callAs(organization, () -> transactions.execute(status ->
                jdbc.sql(sql).param(id).query(String.class).single()));
    }

    private long count(UUID organization, String sql, UUID id) {
        return TenantContext.callAs(organization, () -> transactions.execute(status ->
                jdbc.sql(sql).param(id).query(Long.class).single()));
    }
}
