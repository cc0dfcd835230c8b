package io.hardhats.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.hardhats.bus.LiveBus;
import io.hardhats.bus.LiveMessage;
import io.hardhats.cameras.CameraStatus;
import io.hardhats.events.ViolationType;
import io.hardhats.support.ApiTest;
import io.hardhats.support.TenantData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

class LiveEventsTest extends ApiTest {

    @Autowired
    LiveBus bus;

    @Autowired
    TenantData data;

    @Autowired
    JsonMapper json;

    @Autowired
    SseController sse;

    @Test
    void deliversTheOrganisationsViolationsAndCameraStatusChanges() throws Exception {
        Member admin = register("Live Corp");
        UUID camera = createCamera(admin, "Yard");
        try (SseReader reader = new SseReader(port, admin.client().sessionCookie(), null)) {
            assertThat(reader.status()).isEqualTo(200);
            assertThat(reader.contentType()).startsWith("text/event-stream");
            assertThat(reader.nextComment(Duration.ofSeconds(5)).comment())
                    .as("a stream starts with a comment of its own, not the first heartbeat").isEqualTo("ready");
            assertThat(reader.nextComment(Duration.ofSeconds(5))).as("heartbeat").isNotNull();

            UUID eventId = data.event(admin.organizationId(), camera, ViolationType.NO_VEST, Instant.now());
            publishViolation(admin, eventId);
            SseReader.Received violation = reader.nextEvent(Duration.ofSeconds(5));
            assertThat(violation.event()).isEqualTo("violation");
            assertThat(violation.id()).isEqualTo(eventId.toString());
            assertThat(json.readTree(violation.data()).path("violation_type").asString()).isEqualTo("no_vest");

            bus.publishMessage(admin.organizationId(), LiveMessage.cameraStatus(
                    new LiveMessage.CameraStatusChange(camera, CameraStatus.ERROR, "unreachable", null, false), json)
                    .toJson(json));
            SseReader.Received status = reader.nextEvent(Duration.ofSeconds(5));
            assertThat(status.event()).isEqualTo("camera_status");
            assertThat(status.id()).isNull();
            assertThat(json.readTree(status.data()).path("status").asString()).isEqualTo("error");
        }
    }

    @Test
    void neverDeliversAnotherOrganisationsMessages() throws Exception {
        Member a = register("Tenant A");
        Member b = register("Tenant B");
        UUID cameraA = createCamera(a, "A cam");
        UUID cameraB = createCamera(b, "B cam");
        try (SseReader readerA = new SseReader(port, a.client().sessionCookie(), null)) {
            UUID eventB = data.event(b.organizationId(), cameraB, ViolationType.NO_HARDHAT, Instant.now());
            publishViolation(b, eventB);
            UUID eventA = data.event(a.organizationId(), cameraA, ViolationType.NO_HARDHAT, Instant.now());
            publishViolation(a, eventA);

            SseReader.Received first = readerA.nextEvent(Duration.ofSeconds(5));
            assertThat(first.id()).isEqualTo(eventA.toString());
            assertThat(readerA.nextEvent(Duration.ofMillis(500))).isNull();
        }
    }

    @Test
    void lastEventIdReplaysMissedEventsInOrderWithoutDuplicates() throws Exception {
        Member admin = register("Replay Corp");
        UUID camera = createCamera(admin, "Dock");
        Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(60);
        UUID seen = data.event(admin.organizationId(), camera, ViolationType.NO_VEST, start);
        UUID missed1 = data.event(admin.organizationId(), camera, ViolationType.ZONE_BREACH, start.plusSeconds(10));
        UUID missed2 = data.event(admin.organizationId(), camera, ViolationType.NO_HARDHAT, start.plusSeconds(20));

        try (SseReader reader = new SseReader(port, admin.client().sessionCookie(), seen.toString())) {
            assertThat(reader.nextEvent(Duration.ofSeconds(5)).id()).isEqualTo(missed1.toString());
            assertThat(reader.nextEvent(Duration.ofSeconds(5)).id()).isEqualTo(missed2.toString());
            UUID live = data.event(admin.organizationId(), camera, ViolationType.NO_VEST, Instant.now());
            publishViolation(admin, live);
            assertThat(reader.nextEvent(Duration.ofSeconds(5)).id()).isEqualTo(live.toString());
            assertThat(reader.nextEvent(Duration.ofMillis(500))).isNull();
        }

        Member stranger = register("Stranger Corp");
        try (SseReader reader = new SseReader(port, stranger.client().sessionCookie(), seen.toString())) {
            assertThat(reader.nextEvent(Duration.ofMillis(800))).as("another organisation's event id replays nothing")
                    .isNull();
        }
    }

    @Test
    void aResumedStreamFollowsTheOrderEventsWereRecordedInNotTheirCaptureTimes() throws Exception {
        Member admin = register("Two Cranes Corp");
        UUID camera = createCamera(admin, "North crane");
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        UUID seen = data.event(admin.organizationId(), camera, ViolationType.NO_VEST, now);
        // Captured earlier, recorded later: its frame waited its turn for inference.
        UUID recordedLater = data.event(admin.organizationId(), camera, ViolationType.NO_HARDHAT, now.minusSeconds(2));

        try (SseReader reader = new SseReader(port, admin.client().sessionCookie(), seen.toString())) {
            SseReader.Received replayed = reader.nextEvent(Duration.ofSeconds(5));
            assertThat(replayed).as("the event recorded after the last one seen").isNotNull();
            assertThat(replayed.id()).isEqualTo(recordedLater.toString());
            assertThat(reader.nextEvent(Duration.ofMillis(500))).as("nothing seen before comes again").isNull();
        }
    }

    @Test
    void manyStreamsShareOneRenderingOfEachMessageAndLeaveTheBusWhenTheyClose() throws Exception {
        Member admin = register("Crowd Corp");
        UUID camera = createCamera(admin, "Plaza");
        String channel = LiveBus.messageChannel(admin.organizationId());
        List<SseReader> readers = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                SseReader reader = new SseReader(port, admin.client().sessionCookie(), null);
                assertThat(reader.status()).isEqualTo(200);
                readers.add(reader);
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> bus.listenerCount(channel) == 20);

            long renderedBefore = sse.renderedMessages();
            UUID eventId = data.event(admin.organizationId(), camera, ViolationType.NO_HARDHAT, Instant.now());
            publishViolation(admin, eventId);
            String data = null;
            for (SseReader reader : readers) {
                SseReader.Received received = reader.nextEvent(Duration.ofSeconds(5));
                assertThat(received.id()).isEqualTo(eventId.toString());
                assertThat(received.data()).isEqualTo(data == null ? received.data() : data);
                data = received.data();
            }
            assertThat(sse.renderedMessages() - renderedBefore).as("rendered once for 20 streams").isEqualTo(1);
        } finally {
            for (SseReader reader : readers) {
                reader.close();
            }
        }
        // A departed browser is noticed on the next write (the heartbeat, every second in tests).
        await().atMost(Duration.ofSeconds(15)).until(() -> bus.listenerCount(channel) == 0);
    }

    @Test
    void requiresASession() throws Exception {
        try (SseReader reader = new SseReader(port, null, null)) {
            assertThat(reader.status()).isEqualTo(401);
        }
    }

    private void publishViolation(Member member, UUID eventId) {
        var event = member.client().get("/api/v1/events/" + eventId);
        assertThat(event.status()).isEqualTo(200);
        io.hardhats.events.EventView view = json.readValue(event.body(), io.hardhats.events.EventView.class);
        bus.publishMessage(member.organizationId(), LiveMessage.violation(view, json).toJson(json));
    }
}
