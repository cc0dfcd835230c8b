package io.hardhats.stats;

import static io.hardhats.support.ApiErrors.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.hardhats.cameras.CameraStatus;
import io.hardhats.events.ViolationType;
import io.hardhats.support.ApiTest;
import io.hardhats.support.HttpResult;
import io.hardhats.support.TenantData;
import io.hardhats.users.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class StatsApiTest extends ApiTest {

    @Autowired
    private TenantData data;

    private Member admin;
    private UUID gate;
    private UUID crane;

    @BeforeEach
    void organisation() {
        admin = register("Stats Corp");
        gate = createCamera(admin, "Gate");
        crane = createCamera(admin, "Crane");
    }

    private HttpResult daily(String query) {
        HttpResult result = admin.client().get("/api/v1/stats/daily" + query);
        assertThat(result.status()).as(result.toString()).isEqualTo(200);
        return result;
    }

    private static void assertCounts(JsonNode counts, long total, long noHardhat, long noVest, long zoneBreach,
            long frames) {
        assertThat(counts.path("total_violations").asLong()).as(counts.toString()).isEqualTo(total);
        assertThat(counts.path("no_hardhat").asLong()).as(counts.toString()).isEqualTo(noHardhat);
        assertThat(counts.path("no_vest").asLong()).as(counts.toString()).isEqualTo(noVest);
        assertThat(counts.path("zone_breach").asLong()).as(counts.toString()).isEqualTo(zoneBreach);
        assertThat(counts.path("frames_processed").asLong()).as(counts.toString()).isEqualTo(frames);
    }

    @Test
    void dailyFillsEveryDayAndTotalsPerCamera() {
        LocalDate d1 = LocalDate.of(2025, 3, 1);
        data.dailyStat(admin.organizationId(), gate, d1, 2, 1, 0, 100);
        data.dailyStat(admin.organizationId(), crane, d1, 1, 0, 0, 50);
        data.dailyStat(admin.organizationId(), gate, d1.plusDays(3), 0, 0, 4, 40);
        data.dailyStat(admin.organizationId(), crane, d1.plusDays(10), 9, 9, 9, 9); // outside the range

        JsonNode body = daily("?from=2025-03-01&to=2025-03-05").json();
        assertThat(body.path("from").asString()).isEqualTo("2025-03-01");
        assertThat(body.path("to").asString()).isEqualTo("2025-03-05");
        List<String> dates = new ArrayList<>();
        body.path("days").forEach(day -> dates.add(day.path("date").asString()));
        assertThat(dates).containsExactly("2025-03-01", "2025-03-02", "2025-03-03", "2025-03-04", "2025-03-05");
        JsonNode days = body.path("days");
        assertCounts(days.get(0).path("counts"), 4, 3, 1, 0, 150);
        assertCounts(days.get(1).path("counts"), 0, 0, 0, 0, 0);
        assertCounts(days.get(2).path("counts"), 0, 0, 0, 0, 0);
        assertCounts(days.get(3).path("counts"), 4, 0, 0, 4, 40);
        assertCounts(days.get(4).path("counts"), 0, 0, 0, 0, 0);

        JsonNode byCamera = body.path("by_camera");
        assertThat(byCamera.size()).isEqualTo(2);
        assertThat(byCamera.get(0).path("camera_id").asString()).isEqualTo(gate.toString());
        assertThat(byCamera.get(0).path("camera_name").asString()).isEqualTo("Gate");
        assertCounts(byCamera.get(0).path("counts"), 7, 2, 1, 4, 140);
        assertThat(byCamera.get(1).path("camera_id").asString()).isEqualTo(crane.toString());
        assertCounts(byCamera.get(1).path("counts"), 1, 1, 0, 0, 50);

        JsonNode onlyCrane = daily("?from=2025-03-01&to=2025-03-05&camera_id=" + crane).json();
        assertThat(onlyCrane.path("camera_id").asString()).isEqualTo(crane.toString());
        assertThat(onlyCrane.path("days").size()).isEqualTo(5);
        assertCounts(onlyCrane.path("days").get(0).path("counts"), 1, 1, 0, 0, 50);
        assertCounts(onlyCrane.path("days").get(3).path("counts"), 0, 0, 0, 0, 0);
        assertThat(onlyCrane.path("by_camera").size()).isEqualTo(1);
        assertCounts(onlyCrane.path("by_camera").get(0).path("counts"), 1, 1, 0, 0, 50);

        JsonNode oneDay = daily("?from=2025-03-04&to=2025-03-04").json();
        assertThat(oneDay.path("days").size()).isEqualTo(1);
        assertCounts(oneDay.path("days").get(0).path("counts"), 4, 0, 0, 4, 40);

        // Another organisation sees zeros, and not the camera.
        Member stranger = register("Other Stats Corp");
        HttpResult theirs = stranger.client().get("/api/v1/stats/daily?from=2025-03-01&to=2025-03-05");
        assertThat(theirs.json().path("by_camera").size()).isZero();
        theirs.json().path("days").forEach(day -> assertCounts(day.path("counts"), 0, 0, 0, 0, 0));
        assertError(stranger.client().get("/api/v1/stats/daily?camera_id=" + gate), 404, "not_found");
    }

    @Test
    void dailyDefaultsToTheLastThirtyDays() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        data.dailyStat(admin.organizationId(), gate, today, 1, 0, 0, 10);
        JsonNode body = daily("").json();
        assertThat(body.path("days").size()).isEqualTo(30);
        assertThat(body.path("to").asString()).isEqualTo(today.toString());
        assertThat(body.path("from").asString()).isEqualTo(today.minusDays(29).toString());
        assertCounts(body.path("days").get(29).path("counts"), 1, 1, 0, 0, 10);
    }

    @Test
    void badRangesAreRefused() {
        assertError(admin.client().get("/api/v1/stats/daily?from=2025-03-05&to=2025-03-01"), 422,
                "validation_failed");
        assertThat(assertError(admin.client().get("/api/v1/stats/daily?from=2024-01-01&to=2025-01-01"), 422,
                "validation_failed")).contains("366");
        assertError(admin.client().get("/api/v1/stats/daily?from=2020-01-01&to=2025-01-01"), 422);
        // 366 days, counted inclusively, is the most allowed.
        assertThat(daily("?from=2024-01-01&to=2024-12-31").json().path("days").size()).isEqualTo(366);
        assertError(admin.client().get("/api/v1/stats/daily?from=March"), 400, "bad_request");
        assertError(admin.client().get("/api/v1/stats/daily?to=2025-02-30"), 400, "bad_request");
        assertError(admin.client().get("/api/v1/stats/daily?camera_id=42"), 400, "bad_request");
        assertError(admin.client().get("/api/v1/stats/daily?camera_id=" + UUID.randomUUID()), 404);
    }

    @Test
    void summaryCountsTodayTheLastSevenDaysAndOpenEvents() {
        // A camera in demo mode streams its placeholder video: it is online, as the camera list says.
        data.cameraReported(admin.organizationId(), gate, CameraStatus.PLACEHOLDER, Instant.now());
        data.cameraReported(admin.organizationId(), crane, CameraStatus.ERROR, Instant.now().minusSeconds(600));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        data.dailyStat(admin.organizationId(), gate, today, 1, 2, 0, 30);
        data.dailyStat(admin.organizationId(), crane, today, 0, 0, 3, 20);
        data.dailyStat(admin.organizationId(), gate, today.minusDays(3), 4, 0, 0, 10);
        data.dailyStat(admin.organizationId(), crane, today.minusDays(6), 0, 5, 0, 5);
        data.dailyStat(admin.organizationId(), gate, today.minusDays(7), 100, 100, 100, 100); // a week ago: out
        data.dailyStat(admin.organizationId(), gate, today.plusDays(1), 50, 50, 50, 50); // tomorrow: out
        UUID open = data.event(admin.organizationId(), gate, ViolationType.NO_HARDHAT, Instant.now());
        data.event(admin.organizationId(), crane, ViolationType.NO_VEST, Instant.now());
        UUID done = data.event(admin.organizationId(), crane, ViolationType.NO_VEST, Instant.now());
        assertThat(admin.client().post("/api/v1/events/" + done + "/acknowledge", null).status()).isEqualTo(200);

        Member operator = addMember(admin, Role.OPERATOR);
        HttpResult result = operator.client().get("/api/v1/stats/summary");
        assertThat(result.status()).as(result.toString()).isEqualTo(200);
        JsonNode summary = result.json();
        assertThat(summary.path("today").asString()).isEqualTo(today.toString());
        assertCounts(summary.path("today_counts"), 6, 1, 2, 3, 50);
        assertCounts(summary.path("last_7_days"), 15, 5, 7, 3, 65);
        assertThat(summary.path("by_violation_type").path("no_hardhat").asLong()).isEqualTo(5);
        assertThat(summary.path("by_violation_type").path("no_vest").asLong()).isEqualTo(7);
        assertThat(summary.path("by_violation_type").path("zone_breach").asLong()).isEqualTo(3);
        assertThat(summary.path("unacknowledged").asLong()).isEqualTo(2);
        assertThat(summary.path("cameras").path("total").asLong()).isEqualTo(2);
        assertThat(summary.path("cameras").path("online").asLong()).isEqualTo(1);
        JsonNode gateView = operator.client().get("/api/v1/cameras/" + gate).json();
        assertThat(gateView.path("online").asBoolean()).isTrue();
        assertThat(operator.client().get("/api/v1/cameras/" + crane).json().path("online").asBoolean()).isFalse();
        assertThat(open).isNotNull();

        HttpResult empty = register("Empty Stats Corp").client().get("/api/v1/stats/summary");
        assertCounts(empty.json().path("last_7_days"), 0, 0, 0, 0, 0);
        assertThat(empty.json().path("unacknowledged").asLong()).isZero();
        assertThat(empty.json().path("cameras").path("total").asLong()).isZero();
    }
}
