package io.hardhats.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import io.hardhats.HardhatsApplication;
import io.hardhats.TestDatabase;
import io.hardhats.bus.LiveBus;
import io.hardhats.events.EventView;
import io.hardhats.events.Severity;
import io.hardhats.events.ViolationType;
import io.hardhats.rules.Violation;
import io.hardhats.tenancy.TenantContext;
import io.hardhats.vision.BoundingBox;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A committed violation is announced once, to every reaction: one {@link ViolationRecorded} after
 * commit and one live message; a violation whose transaction rolls back reaches neither.
 */
@SpringBootTest(classes = HardhatsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"hardhats.role=worker", "hardhats.fleet.enabled=false",
                "hardhats.secret-key=test-only-signing-key-0123456789-abcdefghij",
                "hardhats.encryption-key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="})
@Import({ViolationRecordedTest.Reactions.class, PipelineTestData.class})
class ViolationRecordedTest {

    private static final byte[] THUMBNAIL = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xD9};
    private static final byte[] FRAME = THUMBNAIL;

    /** A second reaction, as notifications will be: it hears only what was committed. */
    static class Reactions {
        final List<ViolationRecorded> heard = new CopyOnWriteArrayList<>();

        @TransactionalEventListener
        public void on(ViolationRecorded recorded) {
            heard.add(recorded);
        }
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("hardhats.database-url", TestDatabase::url);
    }

    @Autowired
    EventRecorder recorder;
    @Autowired
    Reactions reactions;
    @Autowired
    LiveBus bus;
    @Autowired
    PipelineTestData data;
    @Autowired
    TransactionTemplate transactions;

    private UUID organization;
    private UUID camera;

    @BeforeEach
    void cameraOfAnOrganisation() {
        organization = data.organization("Events");
        camera = data.placeholderCamera(organization, "Gate", settings -> { });
        reactions.heard.clear();
    }

    @Test
    void eachCommittedViolationIsPublishedOnceAndRolledBackOnesNever() {
        List<String> live = new CopyOnWriteArrayList<>();
        try (LiveBus.Subscription ignored = bus.subscribeMessages(organization, live::add)) {
            EventView first = recorder.record(organization, camera, violation(), FRAME, Instant.now()).get(0);
            EventView second = recorder.record(organization, camera, violation(), FRAME, Instant.now()).get(0);

            // Inside a transaction that rolls back: the event row goes, and so must every reaction.
            TenantContext.runAs(organization, () -> transactions.executeWithoutResult(status -> {
                recorder.record(organization, camera, violation(), FRAME, Instant.now());
                status.setRollbackOnly();
            }));
            // A violation the database refuses (its camera is gone) is never announced either.
            assertThatThrownBy(() -> recorder.record(organization, UUID.randomUUID(), violation(), FRAME,
                    Instant.now())).isInstanceOf(DataIntegrityViolationException.class);

            assertThat(reactions.heard).extracting(recorded -> recorded.event().id())
                    .containsExactly(first.id(), second.id());
            assertThat(reactions.heard).allSatisfy(recorded -> {
                assertThat(recorded.organizationId()).isEqualTo(organization);
                assertThat(recorded.event().cameraId()).isEqualTo(camera);
            });
            await().atMost(Duration.ofSeconds(5)).until(() -> live.size() >= 2);
            assertThat(live).hasSize(2);
            assertThat(live.get(0)).contains(first.id().toString());
            assertThat(live.get(1)).contains(second.id().toString());
        }
        assertThat(count("SELECT count(*) FROM events WHERE camera_id = ?")).isEqualTo(2);
        assertThat(count("SELECT coalesce(sum(count), 0) FROM daily_violation_counts WHERE camera_id = ?"))
                .isEqualTo(2);
    }

    @Test
    void theViolationsOfOneFrameShareOneStoredFrame() {
        Violation noVest = new Violation(ViolationType.NO_VEST, Severity.MEDIUM, 0.8f, 2,
                new BoundingBox(60, 10, 100, 90), new double[] {0.3, 0.1, 0.2, 0.4});
        List<EventView> recorded = recorder.record(organization, camera, List.of(violation().get(0),
                new EventRecorder.Flagged(noVest, THUMBNAIL)), FRAME, Instant.now());

        assertThat(recorded).hasSize(2);
        assertThat(reactions.heard).extracting(heard -> heard.event().id())
                .containsExactly(recorded.get(0).id(), recorded.get(1).id());
        assertThat(count("SELECT count(DISTINCT frame_blob) FROM events WHERE camera_id = ?")).isEqualTo(1);
        assertThat(count("SELECT count(DISTINCT thumbnail_path) FROM events WHERE camera_id = ?")).isEqualTo(2);
        assertThat(data.count(organization, "SELECT count(*) FROM blobs WHERE kind = 'frame_blob' "
                + "AND organization_id = ?", organization)).as("the frame stored once").isEqualTo(1);
    }

    private static List<EventRecorder.Flagged> violation() {
        return List.of(new EventRecorder.Flagged(new Violation(ViolationType.NO_HARDHAT, Severity.HIGH, 0.9f, 1,
                new BoundingBox(10, 10, 50, 90), new double[] {0.1, 0.1, 0.2, 0.4}), THUMBNAIL));
    }

    private long count(String sql) {
        return data.count(organization, sql, camera);
    }
}
