package io.hardhats.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.hardhats.HardhatsApplication;
import io.hardhats.TestDatabase;
import io.hardhats.bus.LiveBus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

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
@Import(PipelineTestData.class)
class NoDetectorPipelineTest {

    private static final int FRAMES = 3;

    @Autowired
    PipelineTestData data;

    @Autowired
    LiveBus bus;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("hardhats.database-url", TestDatabase::url);
    }

    @Test
    void aCameraStreamsLiveFramesAndSaysItHasNoDetector() {
        UUID organization = data.organization("No model");
        UUID cameraId = data.placeholderCamera(organization, "Slab pour", camera -> { });

        AtomicInteger frames = new AtomicInteger();
        try (LiveBus.Subscription ignored = bus.subscribeFrames(cameraId, jpeg -> frames.incrementAndGet())) {
            await().atMost(Duration.ofSeconds(90)).until(() -> frames.get() >= FRAMES);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> Boolean.TRUE.equals(data.query(organization,
                "SELECT no_detector FROM cameras WHERE id = ?", cameraId, Boolean.class)));
        assertThat(data.count(organization, "SELECT count(*) FROM events WHERE camera_id = ?", cameraId)).isZero();
    }
}
