package io.hardhats.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.hardhats.HardhatsApplication;
import io.hardhats.TestDatabase;
import io.hardhats.events.EventView;
import io.hardhats.events.Severity;
import io.hardhats.events.ViolationType;
import io.hardhats.rules.Violation;
import io.hardhats.storage.StorageMeter;
import io.hardhats.storage.StorageQuota;
import io.hardhats.tenancy.SystemTransactions;
import io.hardhats.tenancy.TenantTransactions;
import io.hardhats.vision.BoundingBox;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An organisation at its plan's storage limit still has its violations recorded, with thumbnail
 * and frame; the quota the clip writer asks refuses the clip.
 */
@SpringBootTest(classes = HardhatsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"hardhats.role=worker", "hardhats.fleet.enabled=false",
                "hardhats.secret-key=test-only-signing-key-0123456789-abcdefghij",
                "hardhats.encryption-key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="})
@Import({ViolationRecordedTest.Reactions.class, PipelineTestData.class})
class StorageLimitRecordingTest {

    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xD9};

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("hardhats.database-url", TestDatabase::url);
    }

    @Autowired
    EventRecorder recorder;
    @Autowired
    PipelineTestData data;
    @Autowired
    StorageQuota quota;
    @Autowired
    StorageMeter meter;
    @Autowired
    SystemTransactions system;
    @Autowired
    TenantTransactions transactions;
    @Autowired
    JdbcClient jdbc;

    @Test
    void atTheLimitViolationsAreRecordedAndClipsRefused() {
        UUID organization = data.organization("Full site");
        UUID camera = data.placeholderCamera(organization, "Gate", settings -> { });
        long stored = meter.usage(organization).totalBytes();
        assertThat(stored).as("the placeholder video counts").isPositive();
        assertThat(transactions.call(organization, () -> quota.claim(organization, 100_000))).isTrue();
        system.run(() -> jdbc.sql("UPDATE organizations SET max_storage_bytes = ? WHERE id = ?")
                .params(stored, organization).update());

        EventView event = recorder.record(organization, camera, List.of(new EventRecorder.Flagged(new Violation(
                ViolationType.NO_HARDHAT, Severity.HIGH, 0.9f, 1, new BoundingBox(10, 10, 50, 90),
                new double[] {0.1, 0.1, 0.2, 0.4}), JPEG)), JPEG, Instant.now()).get(0);

        assertThat(data.count(organization, "SELECT count(*) FROM events WHERE id = ? AND frame_blob IS NOT NULL "
                + "AND thumbnail_path IS NOT NULL", event.id())).isEqualTo(1);
        assertThat(transactions.call(organization, () -> quota.claim(organization, 100_000))).isFalse();
        assertThat(meter.usage(organization).limitReached()).isTrue();
        assertThat(meter.usage(organization).bytes()).containsEntry("frames", (long) JPEG.length)
                .containsEntry("thumbnails", (long) JPEG.length);
    }
}
