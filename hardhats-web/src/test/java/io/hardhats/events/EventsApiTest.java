package io.hardhats.events;

import static io.hardhats.support.ApiErrors.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.hardhats.support.ApiTest;
import io.hardhats.support.HttpResult;
import io.hardhats.support.TenantData;
import io.hardhats.users.Role;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class EventsApiTest extends ApiTest {

    @Autowired
    private TenantData data;

    private Member admin;
    private UUID gate;
    private UUID crane;
    private Instant base;

    @BeforeEach
    void organisation() {
        admin = register("Events Corp");
        gate = createCamera(admin, "Gate");
        crane = createCamera(admin, "Crane");
        base = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);
    }

    private UUID event(UUID camera, ViolationType type, int minutes) {
        return data.event(admin.organizationId(), camera, type, base.plus(minutes, ChronoUnit.MINUTES));
    }

    private List<String> ids(HttpResult page) {
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        page.json().path("items").forEach(item -> ids.add(item.path("id").asString()));
        return ids;
    }

    private List<String> ids(String query) {
        return ids(admin.client().get("/api/v1/events" + query));
    }

    @Test
    void listsNewestFirstAndFilters() {
        UUID first = event(gate, ViolationType.NO_HARDHAT, 0);
        UUID second = event(crane, ViolationType.NO_VEST, 10);
        UUID third = event(gate, ViolationType.ZONE_BREACH, 20);
        UUID fourth = event(crane, ViolationType.NO_HARDHAT, 30);

        HttpResult all = admin.client().get("/api/v1/events");
        assertThat(ids(all)).containsExactly(s(fourth), s(third), s(second), s(first));
        assertThat(all.json().path("next_cursor").isNull()).isTrue();
        JsonNode item = all.json().path("items").get(0);
        assertThat(item.path("camera_id").asString()).isEqualTo(s(crane));
        assertThat(item.path("violation_type").asString()).isEqualTo("no_hardhat");
        assertThat(item.path("acknowledged").asBoolean()).isFalse();
        assertThat(Instant.parse(item.path("created_at").asString())).isEqualTo(base.plus(30, ChronoUnit.MINUTES));

        assertThat(ids("?camera_id=" + gate)).containsExactly(s(third), s(first));
        assertThat(ids("?violation_type=no_hardhat")).containsExactly(s(fourth), s(first));
        assertThat(ids("?violation_type=no_hardhat&camera_id=" + crane)).containsExactly(s(fourth));
        assertThat(ids("?violation_type=zone_breach")).containsExactly(s(third));

        Instant from = base.plus(10, ChronoUnit.MINUTES);
        Instant to = base.plus(30, ChronoUnit.MINUTES);
        assertThat(ids("?from=" + from + "&to=" + to)).as("from inclusive, to exclusive")
                .containsExactly(s(third), s(second));
        assertThat(ids("?from=" + from)).containsExactly(s(fourth), s(third), s(second));
        assertThat(ids("?to=" + from)).containsExactly(s(first));
        assertError(admin.client().get("/api/v1/events?from=" + to + "&to=" + from), 422, "validation_failed");

        assertThat(admin.client().post("/api/v1/events/" + second + "/acknowledge", null).status()).isEqualTo(200);
        assertThat(ids("?acknowledged=true")).containsExactly(s(second));
        assertThat(ids("?acknowledged=false")).containsExactly(s(fourth), s(third), s(first));

        // Another organisation sees none of it and cannot reach it.
        Member stranger = register("Other Events Corp");
        assertThat(ids(stranger.client().get("/api/v1/events"))).isEmpty();
        assertThat(ids(stranger.client().get("/api/v1/events?camera_id=" + gate))).isEmpty();
        assertError(stranger.client().get("/api/v1/events/" + first), 404, "not_found");
        assertError(stranger.client().post("/api/v1/events/" + first + "/acknowledge", null), 404);
        Member strangerManager = addMember(stranger, Role.MANAGER);
        assertError(strangerManager.client().delete("/api/v1/events/" + first), 404);
        assertThat(ids("")).hasSize(4);
    }

    @Test
    void keysetPaginationHasNoDuplicatesAndNoGaps() {
        List<String> expected = new ArrayList<>();
        // Seven events, three of them at the very same instant: the id breaks the tie.
        for (int minute : new int[] {60, 50, 40, 40, 40, 30, 20}) {
            expected.add(s(event(minute % 20 == 0 ? gate : crane, ViolationType.NO_VEST, minute)));
        }
        List<String> seen = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < 10; page++) {
            HttpResult result = admin.client().get("/api/v1/events?limit=3" + (cursor == null ? "" : "&cursor=" + cursor));
            List<String> ids = ids(result);
            sizes.add(ids.size());
            seen.addAll(ids);
            JsonNode next = result.json().path("next_cursor");
            if (next.isNull()) {
                cursor = null;
                break;
            }
            cursor = next.asString();
        }
        assertThat(cursor).isNull();
        assertThat(sizes).containsExactly(3, 3, 1);
        assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
        assertThat(seen).isEqualTo(ids("?limit=500"));

        // Exactly a page's worth: the last full page says there is nothing more.
        HttpResult seven = admin.client().get("/api/v1/events?limit=7");
        assertThat(ids(seven)).hasSize(7);
        assertThat(seven.json().path("next_cursor").isNull()).isTrue();

        // Pages combine with filters: the five gate events (three sharing one instant) in pages of two.
        List<String> gateIds = new ArrayList<>();
        String next = null;
        int pages = 0;
        do {
            HttpResult page = admin.client().get("/api/v1/events?limit=2&camera_id=" + gate
                    + (next == null ? "" : "&cursor=" + next));
            gateIds.addAll(ids(page));
            next = page.json().path("next_cursor").isNull() ? null : page.json().path("next_cursor").asString();
            pages++;
        } while (next != null && pages < 10);
        assertThat(pages).isEqualTo(3);
        assertThat(gateIds).doesNotHaveDuplicates().hasSize(5).isEqualTo(ids("?camera_id=" + gate));
    }

    @Test
    void acknowledgingRecordsWhoAndWhenOnce() {
        UUID id = event(gate, ViolationType.NO_HARDHAT, 5);
        Member operator = addMember(admin, Role.OPERATOR);

        Instant before = Instant.now().minusSeconds(1);
        HttpResult acknowledged = operator.client().post("/api/v1/events/" + id + "/acknowledge", null);
        assertThat(acknowledged.status()).as(acknowledged.toString()).isEqualTo(200);
        assertThat(acknowledged.json().path("acknowledged").asBoolean()).isTrue();
        assertThat(acknowledged.text("acknowledged_by")).isEqualTo(s(operator.userId()));
        assertThat(acknowledged.text("acknowledged_by_name")).isEqualTo("Member operator");
        Instant at = Instant.parse(acknowledged.text("acknowledged_at"));
        assertThat(at).isBetween(before, Instant.now().plusSeconds(1));

        HttpResult again = admin.client().post("/api/v1/events/" + id + "/acknowledge", null);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.text("acknowledged_by")).isEqualTo(s(operator.userId()));
        assertThat(Instant.parse(again.text("acknowledged_at"))).isEqualTo(at);

        HttpResult read = admin.client().get("/api/v1/events/" + id);
        assertThat(read.text("acknowledged_by")).isEqualTo(s(operator.userId()));
        assertThat(Instant.parse(read.text("acknowledged_at"))).isEqualTo(at);
        // Every role reads the acknowledger's name, though only admins read users.
        Member manager = addMember(admin, Role.MANAGER);
        assertThat(manager.client().get("/api/v1/events/" + id).text("acknowledged_by_name")).isEqualTo("Member operator");
        assertThat(manager.client().get("/api/v1/users/" + operator.userId()).status()).isEqualTo(403);
        JsonNode listed = manager.client().get("/api/v1/events?acknowledged=true&camera_id=" + gate).json()
                .path("items").get(0);
        assertThat(listed.path("id").asString()).isEqualTo(s(id));
        assertThat(listed.path("acknowledged_by_name").asString()).isEqualTo("Member operator");
        assertThat(manager.client().get("/api/v1/events/" + event(gate, ViolationType.NO_VEST, 1)).json()
                .path("acknowledged_by_name").isNull()).as("not acknowledged").isTrue();

        List<JsonNode> audit = auditRows("event_acknowledge", id);
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0).path("user_id").asString()).isEqualTo(s(operator.userId()));
        assertError(admin.client().post("/api/v1/events/" + UUID.randomUUID() + "/acknowledge", null), 404);
    }

    @Test
    void managersDeleteEventsOperatorsDoNot() {
        UUID id = event(crane, ViolationType.ZONE_BREACH, 7);
        Member operator = addMember(admin, Role.OPERATOR);
        Member manager = addMember(admin, Role.MANAGER);

        assertError(operator.client().delete("/api/v1/events/" + id), 403, "forbidden");
        assertThat(admin.client().get("/api/v1/events/" + id).status()).isEqualTo(200);

        assertThat(manager.client().delete("/api/v1/events/" + id).status()).isEqualTo(204);
        assertError(admin.client().get("/api/v1/events/" + id), 404, "not_found");
        assertError(manager.client().delete("/api/v1/events/" + id), 404, "not_found");
        assertThat(ids("")).isEmpty();

        List<JsonNode> audit = auditRows("event_delete", id);
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0).path("user_id").asString()).isEqualTo(s(manager.userId()));
        assertThat(audit.get(0).path("details").path("violation_type").asString()).isEqualTo("zone_breach");
    }

    private List<JsonNode> auditRows(String action, UUID resource) {
        HttpResult logs = admin.client().get("/api/v1/audit-logs?limit=500");
        assertThat(logs.status()).isEqualTo(200);
        List<JsonNode> rows = new ArrayList<>();
        logs.json().path("items").forEach(row -> {
            if (row.path("action").asString().equals(action) && row.path("resource_id").asString().equals(s(resource))) {
                assertThat(row.path("resource_type").asString()).isEqualTo("event");
                rows.add(row);
            }
        });
        return rows;
    }

    private static String s(UUID id) {
        return id.toString();
    }

    @Test
    void aViolationsWholeFrameIsAJpegAtMost1280WideAndOlderEventsSayTheyHaveNone() throws Exception {
        UUID withFrame = event(gate, ViolationType.NO_HARDHAT, 3);
        data.pictures(admin.organizationId(), withFrame);
        UUID older = event(gate, ViolationType.NO_VEST, 4);
        Member operator = addMember(admin, Role.OPERATOR);

        assertThat(admin.client().get("/api/v1/events/" + withFrame).json().path("has_frame").asBoolean()).isTrue();
        HttpResponse<byte[]> frame = operator.client().getBytes("/api/v1/events/" + withFrame + "/frame");
        assertThat(frame.statusCode()).isEqualTo(200);
        assertThat(frame.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        BufferedImage picture = ImageIO.read(new ByteArrayInputStream(frame.body()));
        BufferedImage thumbnail = ImageIO.read(new ByteArrayInputStream(
                operator.client().getBytes("/api/v1/events/" + withFrame + "/thumbnail").body()));
        assertThat(picture.getWidth()).isLessThanOrEqualTo(1280).isGreaterThan(thumbnail.getWidth());

        assertThat(admin.client().get("/api/v1/events/" + older).json().path("has_frame").asBoolean()).isFalse();
        assertError(admin.client().get("/api/v1/events/" + older + "/frame"), 404, "not_found");
        assertError(admin.client().get("/api/v1/events/" + UUID.randomUUID() + "/frame"), 404, "not_found");

        long stored = data.blobs(admin.organizationId());
        assertThat(admin.client().delete("/api/v1/events/" + withFrame).status()).isEqualTo(204);
        assertThat(data.blobs(admin.organizationId())).as("its thumbnail and frame went with it").isEqualTo(stored - 2);
    }
}
