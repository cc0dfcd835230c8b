package io.hardhats.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.hardhats.TestDatabase;
import io.hardhats.events.EventView;
import io.hardhats.events.Severity;
import io.hardhats.events.ViolationType;
import io.hardhats.notifications.NotificationTestData.AttemptRow;
import io.hardhats.notifications.NotificationTestData.DeliveryRow;
import io.hardhats.pipeline.EventRecorder;
import io.hardhats.pipeline.PipelineTestData;
import io.hardhats.rules.Violation;
import io.hardhats.tenancy.TenantContext;
import io.hardhats.vision.BoundingBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A violation reaches a real HTTP receiver through the outbox and the dispatcher: signed, keyed
 * by its event, once, after the receiver's failures and outages, with every attempt in the log.
 */
@NotificationTestContext
@ExtendWith(OutputCaptureExtension.class)
class WebhookDeliveryTest {

    private static final String SECRET = "whsec-test-0123456789";
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xD9};
    private static final String ALL = "{}";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("hardhats.database-url", TestDatabase::url);
    }

    @Autowired
    EventRecorder recorder;
    @Autowired
    PipelineTestData pipeline;
    @Autowired
    NotificationTestData data;
    @Autowired
    DeliveryQueue queue;
    @Autowired
    Courier courier;
    @Autowired
    MutableClock clock;
    @Autowired
    NotificationSettings settings;
    @Autowired
    TransactionTemplate transactions;

    private final WebhookReceiver receiver = new WebhookReceiver();
    /** Unique to each test, since a port may be reused while an earlier test's retries are still due. */
    private final String secretPath = "T000-" + UUID.randomUUID() + "-B111";
    private final JsonMapper json = JsonMapper.builder().build();
    private DeliveryDispatcher dispatcher;
    private UUID organization;
    private UUID camera;

    @BeforeEach
    void organisationWithACamera() {
        clock.set(Instant.now());
        organization = pipeline.organization("Notified");
        camera = pipeline.placeholderCamera(organization, "North gate", settings -> { });
    }

    @AfterEach
    void stop() {
        if (dispatcher != null) {
            dispatcher.close();
        }
        receiver.close();
    }

    @Test
    void aViolationIsDeliveredSignedAndOnceAfterTheReceiverAnswers500(CapturedOutput output) {
        UUID channel = data.webhook(organization, receiver.url(secretPath), SECRET, ALL, 5, 120);
        receiver.answer(500);
        EventView event = record(Severity.HIGH, clock.instant());
        // Committed with the violation, before any dispatcher runs: a crash now would lose nothing.
        assertThat(data.deliveries(organization, channel)).singleElement()
                .satisfies(row -> assertThat(row.status()).isEqualTo("pending"));

        startDispatcher();
        await().atMost(Duration.ofSeconds(10)).until(() -> received().size() == 1);
        await().atMost(Duration.ofSeconds(5)).until(() -> status(channel).equals("retrying"));
        clock.advance(Duration.ofSeconds(11)); // beyond the first retry's longest wait
        await().atMost(Duration.ofSeconds(10)).until(() -> status(channel).equals("delivered"));

        assertThat(received()).hasSize(2).allSatisfy(request -> {
            assertThat(request.path()).isEqualTo("/hooks/" + secretPath);
            assertThat(request.header("X-Hardhats-Delivery")).isEqualTo(event.id().toString());
            assertThat(request.header("Idempotency-Key")).isEqualTo(event.id().toString());
            assertThat(request.header("Content-Type")).startsWith("application/json");
            assertSigned(request);
        });
        JsonNode body = json.readTree(received().get(1).body());
        assertThat(body.path("type").asString()).isEqualTo("violation");
        assertThat(body.path("id").asString()).isEqualTo(event.id().toString());
        assertThat(body.path("camera").path("id").asString()).isEqualTo(camera.toString());
        assertThat(body.path("camera").path("name").asString()).isEqualTo("North gate");
        assertThat(body.path("violation_type").asString()).isEqualTo("no_hardhat");
        assertThat(body.path("severity").asString()).isEqualTo("high");
        assertThat(body.path("time_zone").asString()).isEqualTo("UTC");
        assertThat(Instant.parse(body.path("occurred_at").asString()))
                .isCloseTo(event.createdAt(), within(1, ChronoUnit.MICROS)); // PostgreSQL keeps microseconds
        assertThat(body.path("url").asString()).isEqualTo("https://hardhats.example/#/event/" + event.id());

        DeliveryRow delivery = data.deliveries(organization, channel).get(0);
        assertThat(delivery.attempts()).isEqualTo(2);
        assertThat(data.attempts(organization, delivery.id())).extracting(AttemptRow::result, AttemptRow::httpStatus)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("retry", 500),
                        org.assertj.core.groups.Tuple.tuple("delivered", 200));
        assertThat(output.getAll()).doesNotContain(secretPath).doesNotContain(SECRET);
    }

    @Test
    void aReceiverDownForTwoMinutesGetsTheAlertWhenItComesBack() {
        UUID channel = data.webhook(organization, receiver.url(secretPath), SECRET, ALL, 5, 120);
        receiver.down();
        record(Severity.HIGH, clock.instant());
        startDispatcher();

        Instant downSince = clock.instant();
        int seen = 0;
        while (Duration.between(downSince, clock.instant()).compareTo(Duration.ofMinutes(2)) < 0) {
            int before = seen;
            await().atMost(Duration.ofSeconds(10)).until(() -> attempts(channel).size() > before);
            seen = attempts(channel).size();
            clock.advance(new RetrySchedule(settings.dispatch(), bound -> 0).ceiling(seen).plusSeconds(1));
        }
        assertThat(attempts(channel)).isNotEmpty().allSatisfy(attempt -> {
            assertThat(attempt.result()).isEqualTo("retry");
            assertThat(attempt.error()).contains("refused the connection").doesNotContain("127.0.0.1");
        });
        // The last move of the clock made one more attempt due; once it is logged nothing is in flight,
        // so the jump below cannot outrun a claim's lease.
        int made = seen;
        await().atMost(Duration.ofSeconds(10)).until(() -> attempts(channel).size() > made);
        receiver.up();
        clock.advance(Duration.ofHours(1));
        dispatcher.wake();
        await().atMost(Duration.ofSeconds(10)).until(() -> status(channel).equals("delivered"));
        assertThat(received()).hasSize(1);
    }

    @Test
    void aDeliveryClaimedByADispatcherThatDiedGoesOutOnceItsClaimEnds() {
        UUID channel = data.webhook(organization, receiver.url(secretPath), SECRET, ALL, 5, 120);
        EventView orphaned = record(Severity.HIGH, clock.instant());
        // A dispatcher claims it and dies before sending: nothing records an attempt.
        assertThat(queue.claim(clock.instant(), 1000)).extracting(ClaimedDelivery::eventId).contains(orphaned.id());

        startDispatcher();
        EventView later = record(Severity.HIGH, clock.instant());
        await().atMost(Duration.ofSeconds(10)).until(() -> received().size() == 1);
        assertThat(received().get(0).header("X-Hardhats-Delivery")).isEqualTo(later.id().toString());
        await().atMost(Duration.ofSeconds(5)).until(() -> data.deliveries(organization, channel).stream()
                .anyMatch(row -> row.eventId().equals(later.id()) && row.status().equals("delivered")));

        clock.advance(settings.dispatch().claimLease().plusSeconds(1));
        dispatcher.wake();
        await().atMost(Duration.ofSeconds(10)).until(() -> received().size() == 2);
        assertThat(received().get(1).header("X-Hardhats-Delivery")).isEqualTo(orphaned.id().toString());
        await().atMost(Duration.ofSeconds(5)).until(() -> data.deliveries(organization, channel).stream()
                .allMatch(row -> row.status().equals("delivered")));
        assertThat(received()).hasSize(2);
    }

    @Test
    void aViolationRolledBackNeverBecomesADelivery() {
        UUID channel = data.webhook(organization, receiver.url(secretPath), SECRET, ALL, 5, 120);
        TenantContext.runAs(organization, () -> transactions.executeWithoutResult(status -> {
            record(Severity.HIGH, clock.instant());
            status.setRollbackOnly();
        }));
        assertThat(data.deliveries(organization, channel)).isEmpty();
    }

    @Test
    void onlyMatchingViolationsInTheActiveHoursOfTheOrganisationsZoneGoOut() {
        data.timeZone(organization, "Europe/Berlin");
        UUID channel = data.webhook(organization, receiver.url(secretPath), SECRET, """
                {"violation_types": ["no_hardhat"], "min_severity": "high",
                 "active_hours": {"days": [1, 2, 3, 4, 5], "from": "07:00", "to": "17:00"}}
                """, 5, 120);
        // 2026-12-02 is a Wednesday; Berlin is UTC+1 in December.
        EventView inHours = record(Severity.HIGH, Instant.parse("2026-12-02T06:30:00Z"));
        record(Severity.HIGH, Instant.parse("2026-12-02T05:59:00Z")); // 06:59 in Berlin
        record(Severity.HIGH, Instant.parse("2026-12-02T16:00:00Z")); // 17:00 in Berlin: the end is exclusive
        record(Severity.HIGH, Instant.parse("2026-12-05T10:00:00Z")); // a Saturday
        record(Severity.MEDIUM, Instant.parse("2026-12-02T10:00:00Z")); // below the minimum severity
        EventView critical = record(Severity.CRITICAL, Instant.parse("2026-12-02T15:59:00Z"));

        assertThat(data.deliveries(organization, channel)).extracting(DeliveryRow::eventId)
                .containsExactlyInAnyOrder(inHours.id(), critical.id());
    }

    @Test
    void aStormBeyondTheLimitGoesOutAsOneSummaryAtTheWindowsEnd() {
        UUID channel = data.webhook(organization, receiver.url(secretPath), SECRET, ALL, 2, 60);
        startDispatcher();
        for (int i = 0; i < 5; i++) {
            record(Severity.HIGH, clock.instant());
            clock.advance(Duration.ofSeconds(1));
        }
        // A delivery is recorded once the receiver has answered, a moment after it received it.
        await().atMost(Duration.ofSeconds(10)).until(() -> data.deliveries(organization, channel).stream()
                .filter(row -> row.status().equals("delivered")).count() == 2);
        assertThat(received()).hasSize(2);

        List<DeliveryRow> rows = data.deliveries(organization, channel);
        DeliveryRow summary = rows.stream().filter(row -> row.purpose().equals("summary")).findFirst().orElseThrow();
        assertThat(rows).filteredOn(row -> row.purpose().equals("alert")).extracting(DeliveryRow::status)
                .containsExactly("delivered", "delivered", "held", "held", "held");
        assertThat(rows).filteredOn(row -> row.status().equals("held"))
                .allSatisfy(row -> assertThat(row.coveredBy()).isEqualTo(summary.id()));
        assertThat(summary.status()).isEqualTo("pending");

        clock.advance(Duration.ofSeconds(56)); // the window opened with the first alert, 60 s ago
        dispatcher.wake();
        await().atMost(Duration.ofSeconds(10)).until(() -> received().size() == 3);
        JsonNode body = json.readTree(received().get(2).body());
        assertThat(body.path("type").asString()).isEqualTo("summary");
        assertThat(body.path("total").asInt()).isEqualTo(3);
        assertThat(body.path("by_type").path("no_hardhat").asInt()).isEqualTo(3);
        assertThat(body.path("by_camera").path("North gate").asInt()).isEqualTo(3);
        assertSigned(received().get(2));
        assertThat(received().get(2).header("Idempotency-Key")).isEqualTo(summary.id().toString());
        assertThat(received().get(2).header("X-Hardhats-Delivery")).isEqualTo(summary.id().toString());
        await().atMost(Duration.ofSeconds(5)).until(() -> data.deliveries(organization, channel).stream()
                .filter(row -> row.purpose().equals("summary")).allMatch(row -> row.status().equals("delivered")));
    }

    @Test
    void twoDispatchersOnOneDatabaseDeliverEachOfTwoHundredAlertsExactlyOnce() {
        UUID channel = data.webhook(organization, receiver.url(secretPath), SECRET, ALL, 1000, 10);
        List<UUID> events = new java.util.ArrayList<>();
        for (int i = 0; i < 200; i++) {
            events.add(record(Severity.HIGH, clock.instant()).id());
        }
        try (DeliveryDispatcher first = new DeliveryDispatcher(queue, courier, clock, settings.dispatch());
                DeliveryDispatcher second = new DeliveryDispatcher(queue, courier, clock, settings.dispatch())) {
            first.start();
            second.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> data.statuses(organization).getOrDefault("delivered", 0L)
                    == 200);
        }
        assertThat(received()).extracting(request -> UUID.fromString(request.header("X-Hardhats-Delivery")))
                .hasSize(200).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(events);
        assertThat(data.deliveries(organization, channel)).allSatisfy(row -> assertThat(row.attempts()).isEqualTo(1));
    }

    private EventView record(Severity severity, Instant at) {
        return recorder.record(organization, camera, List.of(new EventRecorder.Flagged(new Violation(
                ViolationType.NO_HARDHAT, severity, 0.9f, 1, new BoundingBox(10, 10, 50, 90),
                new double[] {0.1, 0.1, 0.2, 0.4}), JPEG)), JPEG, at).get(0);
    }

    /** What this test's channel received. */
    private List<WebhookReceiver.Received> received() {
        return receiver.received().stream().filter(request -> request.path().endsWith(secretPath)).toList();
    }

    private void startDispatcher() {
        dispatcher = new DeliveryDispatcher(queue, courier, clock, settings.dispatch());
        dispatcher.start();
    }

    private String status(UUID channel) {
        return data.deliveries(organization, channel).get(0).status();
    }

    private List<AttemptRow> attempts(UUID channel) {
        return data.attempts(organization, data.deliveries(organization, channel).get(0).id());
    }

    /** Verifies the signature as a receiver would: HMAC-SHA256 of "t.body" with the channel's secret. */
    private static void assertSigned(WebhookReceiver.Received request) throws AssertionError {
        String header = request.header("X-Hardhats-Signature");
        assertThat(header).matches("t=\\d+,v1=[0-9a-f]{64}");
        String t = header.substring(2, header.indexOf(','));
        String v1 = header.substring(header.indexOf("v1=") + 3);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] expected = mac.doFinal((t + "." + request.body()).getBytes(StandardCharsets.UTF_8));
            assertThat(v1).isEqualTo(HexFormat.of().formatHex(expected));
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}
