package io.hardhats.clips;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.hardhats.HardhatsApplication;
import io.hardhats.TestDatabase;
import io.hardhats.blobs.BlobStore;
import io.hardhats.events.ClipKind;
import io.hardhats.events.EventView;
import io.hardhats.events.Severity;
import io.hardhats.events.ViolationType;
import io.hardhats.pipeline.EventRecorder;
import io.hardhats.pipeline.PipelineTestData;
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
 * Clips stored at the same moment by parallel writers of one organisation, against the real
 * database: together they never pass the storage limit, and one clip stored for several events
 * is one blob.
 */
@SpringBootTest(classes = HardhatsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"hardhats.role=worker", "hardhats.fleet.enabled=false",
                "hardhats.secret-key=test-only-signing-key-0123456789-abcdefghij",
                "hardhats.encryption-key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="})
@Import(PipelineTestData.class)
class ClipStoreTest {

    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xD9};
    private static final int CLIP_BYTES = 40_000;
    private static final int WRITERS = 6;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("hardhats.database-url", TestDatabase::url);
    }

    @Autowired
    PipelineTestData data;
    @Autowired
    EventRecorder recorder;
    @Autowired
    BlobStore blobs;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TenantTransactions transactions;
    @Autowired
    SystemTransactions system;
    @Autowired
    StorageQuota quota;
    @Autowired
    StorageMeter meter;

    @Test
    void parallelWritersTogetherStayWithinTheLimit() throws Exception {
        UUID organization = data.organization("Parallel clips");
        UUID camera = data.placeholderCamera(organization, "Gate", settings -> { });
        List<UUID> events = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            events.add(event(organization, camera).id());
        }
        long limit = meter.usage(organization).totalBytes() + 2 * CLIP_BYTES + CLIP_BYTES / 2;
        system.run(() -> jdbc.sql("UPDATE organizations SET max_storage_bytes = ? WHERE id = ?")
                .params(limit, organization).update());
        ClipStore store = new ClipStore(blobs, jdbc, transactions, quota);
        Path file = clipFile();
        CyclicBarrier start = new CyclicBarrier(WRITERS);
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        try {
            List<Future<List<UUID>>> results = new ArrayList<>();
            for (UUID event : events) {
                results.add(pool.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    return store.attach(organization, List.of(event), ClipKind.STREAM_COPY, "video/mp4", file);
                }));
            }
            int stored = 0;
            for (Future<List<UUID>> result : results) {
                stored += result.get(60, TimeUnit.SECONDS).size();
            }

            assertThat(stored).as("clips that fit under the limit").isEqualTo(2);
            assertThat(meter.usage(organization).totalBytes()).isLessThanOrEqualTo(limit);
            assertThat(count(organization, "SELECT count(*) FROM events WHERE clip_blob IS NOT NULL")).isEqualTo(2);
            assertThat(count(organization, "SELECT count(*) FROM blobs WHERE kind = 'clip_blob'")).isEqualTo(2);
            assertThat(meter.usage(organization).totalBytes()).as("the running count matches the blobs")
                    .isEqualTo(count(organization, "SELECT sum(size_bytes) FROM blobs"));
        } finally {
            pool.shutdownNow();
            Files.deleteIfExists(file);
        }
    }

    @Test
    void oneClipForSeveralEventsIsStoredOnce() throws Exception {
        UUID organization = data.organization("Shared clip");
        UUID camera = data.placeholderCamera(organization, "Gate", settings -> { });
        List<UUID> events = List.of(event(organization, camera).id(), event(organization, camera).id());
        Path file = clipFile();
        try {
            List<UUID> linked = new ClipStore(blobs, jdbc, transactions, quota)
                    .attach(organization, events, ClipKind.ANALYSED_FRAMES, "video/mp4", file);

            assertThat(linked).containsExactlyInAnyOrderElementsOf(events);
            assertThat(count(organization, "SELECT count(DISTINCT clip_blob) FROM events WHERE clip_blob IS NOT NULL"))
                    .isEqualTo(1);
            assertThat(count(organization, "SELECT count(*) FROM events WHERE clip_kind = 'analysed_frames'"))
                    .isEqualTo(2);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private EventView event(UUID organization, UUID camera) {
        return recorder.record(organization, camera, List.of(new EventRecorder.Flagged(new Violation(
                ViolationType.NO_HARDHAT, Severity.HIGH, 0.9f, 1, new BoundingBox(10, 10, 50, 90),
                new double[] {0.1, 0.1, 0.2, 0.4}), JPEG)), JPEG, Instant.now()).get(0);
    }

    private long count(UUID organization, String sql) {
        return transactions.call(organization, () -> jdbc.sql(sql).query(Long.class).single());
    }

    private static Path clipFile() throws Exception {
        Path file = Files.createTempFile("clip-", ".mp4");
        Files.write(file, new byte[CLIP_BYTES]);
        return file;
    }
}
