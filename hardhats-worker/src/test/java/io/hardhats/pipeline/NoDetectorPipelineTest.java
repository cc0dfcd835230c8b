package io.hardhats.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.hardhats.HardhatsApplication;
import io.hardhats.TestDatabase;
import io.hardhats.blobs.BlobStore;
import io.hardhats.bus.LiveBus;
import io.hardhats.cameras.Camera;
import io.hardhats.cameras.CameraRepository;
import io.hardhats.cameras.SourceType;
import io.hardhats.tenancy.TenantContext;
import io.hardhats.vision.SharedFiles;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A worker without a model file still runs its cameras: frames are decoded and published live,
 * the camera says it has no detector, and no violation is made up.
 */
@SpringBootTest(classes = HardhatsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"hardhats.role=worker", "hardhats.model-path=models/not-trained-yet.onnx",
                "hardhats.secret-key=test-only-signing-key-0123456789-abcdefghij",
                "hardhats.encryption-key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
                "hardhats.fleet.renew-every=1s", "hardhats.fleet.ttl=3s", "hardhats.fleet.poll-every=200ms"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class NoDetectorPipelineTest {

    private static final int FRAMES = 3;

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

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("hardhats.database-url", TestDatabase::url);
    }

    @Test
    void aCameraStreamsLiveFramesAndSaysItHasNoDetector() throws Exception {
        UUID organization = UUID.randomUUID();
        TenantContext.runAsSystem(() -> transactions.executeWithoutResult(status -> jdbc.sql("""
                INSERT INTO organizations (id, name, slug, max_cameras, max_users) VALUES (?, 'No model', ?, 5, 5)
                """).params(organization, "no-model-" + organization).update()));
        byte[] clip = Files.readAllBytes(SharedFiles.siteClip("site-helmets-wide.mp4"));
        UUID cameraId = TenantContext.callAs(organization, () -> transactions.execute(status -> {
            Camera camera = new Camera("Slab pour", SourceType.FILE);
            camera.setPlaceholderVideo(blobs.save("video/mp4", clip));
            camera.setUsePlaceholder(true);
            camera.setTargetFps(2.0);
            return cameras.save(camera).getId();
        }));

        AtomicInteger frames = new AtomicInteger();
        try (LiveBus.Subscription ignored = bus.subscribeFrames(cameraId, jpeg -> frames.incrementAndGet())) {
            await().atMost(Duration.ofSeconds(90)).until(() -> frames.get() >= FRAMES);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> Boolean.TRUE.equals(TenantContext.callAs(organization,
                () -> transactions.execute(status -> jdbc.sql("SELECT no_detector FROM cameras WHERE id = ?")
                        .param(cameraId).query(Boolean.class).single()))));
        assertThat(count(organization, "SELECT count(*) FROM events WHERE camera_id = ?", cameraId)).isZero();
    }

    private long count(UUID organization, String sql, UUID id) {
        return TenantContext.callAs(organization, () -> transactions.execute(status ->
                jdbc.sql(sql).param(id).query(Long.class).single()));
    }
}
