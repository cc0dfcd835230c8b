package io.hardhats.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import io.hardhats.events.ViolationType;
import io.hardhats.support.ApiClient;
import io.hardhats.support.ApiTest;
import io.hardhats.support.HttpResult;
import io.hardhats.support.TenantData;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Two organisations with data of every kind. A's admin (the most privileged role) never reaches
 * B's rows: B's ids answer 404 (never 403, never B's data) whatever the method, B's rows stay as
 * they were, and A's lists and statistics hold A's rows only.
 */
class TenantIsolationTest extends ApiTest {

    private record Org(Member admin, List<UUID> userIds, List<UUID> cameraIds, List<String> cameraNames,
            List<UUID> eventIds, List<String> emails) {
        UUID camera() {
            return cameraIds.get(0);
        }

        UUID event() {
            return eventIds.get(0);
        }
    }

    private record Fixture(Org a, Org b, String bName) {
    }

    private static final int A_NO_HARDHAT = 1;
    private static final int A_NO_VEST = 2;
    private static final int A_ZONE = 3;
    private static final long A_FRAMES = 40;

    private static Fixture fixture;

    @Autowired
    private TenantData data;

    private synchronized Fixture fixture() {
        if (fixture == null) {
            String suffix = UUID.randomUUID().toString().substring(0, 6);
            Org a = organisation("Isolation A " + suffix, "A", 1, 1, false);
            String bName = "Isolation B " + suffix;
            Org b = organisation(bName, "B", 2, 2, true);
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            data.dailyStat(a.admin().organizationId(), a.camera(), today, A_NO_HARDHAT, A_NO_VEST, A_ZONE, A_FRAMES);
            data.dailyStat(b.admin().organizationId(), b.camera(), today, 100, 200, 300, 9_000);
            data.dailyStat(b.admin().organizationId(), b.cameraIds().get(1), today.minusDays(1), 10, 20, 30, 900);
            fixture = new Fixture(a, b, bName);
        }
        return fixture;
    }

    private Org organisation(String name, String tag, int cameras, int events, boolean extraUser) {
        Member admin = register(name);
        List<UUID> userIds = new ArrayList<>(List.of(admin.userId()));
        List<String> emails = new ArrayList<>(List.of(admin.email()));
        if (extraUser) {
            String email = uniqueEmail("member-" + tag.toLowerCase());
            HttpResult created = admin.client().post("/api/v1/users", Map.of("email", email, "password", PASSWORD,
                    "full_name", "Member of " + tag, "role", "manager"));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            userIds.add(UUID.fromString(created.text("id")));
            emails.add(email);
        }
        List<UUID> cameraIds = new ArrayList<>();
        List<String> cameraNames = new ArrayList<>();
        for (int i = 1; i <= cameras; i++) {
            String cameraName = "Cam " + tag + i + " " + UUID.randomUUID().toString().substring(0, 6);
            cameraIds.add(createCamera(admin, cameraName));
            cameraNames.add(cameraName);
        }
        List<UUID> eventIds = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            eventIds.add(data.event(admin.organizationId(), cameraIds.get(i % cameras), ViolationType.NO_HARDHAT,
                    Instant.now().minus(i, ChronoUnit.MINUTES)));
        }
        data.pictures(admin.organizationId(), eventIds.get(0));
        data.clip(admin.organizationId(), eventIds.get(0), new byte[] {0, 0, 0, 24, 'f', 't', 'y', 'p'});
        return new Org(admin, List.copyOf(userIds), List.copyOf(cameraIds), List.copyOf(cameraNames),
                List.copyOf(eventIds), List.copyOf(emails));
    }

    // ---------------------------------------------------------------------------------------------
    // B's ids in A's hands

    /** A call by A's admin on one of B's ids, and the B resource (as B reads it) that must not change. */
    private record Probe(String method, String path, Object body, String bView) {
        @Override
        public String toString() {
            return method + " " + path.replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "{B id}");
        }
    }

    private static List<Probe> probes(Org b) {
        UUID bAdmin = b.userIds().get(0);
        UUID bUser = b.userIds().get(1);
        List<Probe> probes = new ArrayList<>();
        for (UUID user : List.of(bAdmin, bUser)) {
            String path = "/api/v1/users/" + user;
            probes.add(new Probe("GET", path, null, path));
            probes.add(new Probe("PUT", path, Map.of("full_name", "Taken Over", "role", "operator",
                    "is_active", false), path));
            probes.add(new Probe("DELETE", path, null, path));
        }
        String camera = "/api/v1/cameras/" + b.camera();
        probes.add(new Probe("GET", camera, null, camera));
        probes.add(new Probe("PUT", camera, Map.of("name", "Taken Over", "rtsp_url", "rtsp://203.0.113.66:554/x",
                "username", "intruder", "password", "intruder-pass", "is_active", false), camera));
        probes.add(new Probe("DELETE", camera, null, camera));
        String event = "/api/v1/events/" + b.event();
        probes.add(new Probe("GET", event, null, event));
        probes.add(new Probe("GET", event + "/frame", null, event + "/frame"));
        probes.add(new Probe("GET", event + "/clip", null, event + "/clip"));
        probes.add(new Probe("POST", event + "/acknowledge", null, event));
        probes.add(new Probe("DELETE", event, null, event));
        probes.add(new Probe("GET", "/api/v1/stats/daily?camera_id=" + b.camera(), null, camera));
        return probes;
    }

    @TestFactory
    Stream<DynamicTest> anotherOrganisationsIdsAnswer404AndStayUnchanged() {
        Fixture f = fixture();
        ApiClient a = f.a().admin().client();
        ApiClient b = f.b().admin().client();
        return probes(f.b()).stream().map(probe -> DynamicTest.dynamicTest(probe + " by A's admin -> 404", () -> {
            HttpResult before = b.get(probe.bView());
            assertThat(before.status()).as(before.toString()).isEqualTo(200);

            HttpResult result = a.send(probe.method(), probe.path(),
                    probe.body() == null ? null : ApiClient.toJson(probe.body()), "application/json");

            assertThat(result.status()).as(result.toString()).isEqualTo(404);
            assertThat(result.text("error")).isEqualTo("not_found");
            assertThat(fieldNames(result.json())).containsExactlyInAnyOrder("error", "detail");
            assertNothingOf(f.b(), f.bName(), result.body());
            assertThat(b.get(probe.bView()).body()).as("B's resource after A's call").isEqualTo(before.body());
        }));
    }

    @Test
    void anotherOrganisationsIdsAnswerLikeIdsThatDoNotExist() {
        Fixture f = fixture();
        ApiClient a = f.a().admin().client();
        String missing = UUID.randomUUID().toString();
        for (String kind : List.of("users", "cameras", "events")) {
            UUID bId = switch (kind) {
                case "users" -> f.b().userIds().get(1);
                case "cameras" -> f.b().camera();
                default -> f.b().event();
            };
            HttpResult foreign = a.get("/api/v1/" + kind + "/" + bId);
            HttpResult absent = a.get("/api/v1/" + kind + "/" + missing);
            assertThat(foreign.status()).isEqualTo(absent.status()).isEqualTo(404);
            assertThat(foreign.body()).as(kind).isEqualTo(absent.body());
        }
    }

    @Test
    void changingOwnOrganisationLeavesTheOtherAlone() {
        Fixture f = fixture();
        String bBefore = f.b().admin().client().get("/api/v1/organization").body();
        HttpResult own = f.a().admin().client().get("/api/v1/organization");
        assertThat(own.text("id")).isEqualTo(f.a().admin().organizationId().toString());
        assertNothingOf(f.b(), f.bName(), own.body());

        HttpResult put = f.a().admin().client().put("/api/v1/organization",
                Map.of("settings", Map.of("shift_start", "07:00")));
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        assertThat(put.text("id")).isEqualTo(f.a().admin().organizationId().toString());
        assertThat(f.b().admin().client().get("/api/v1/organization").body()).isEqualTo(bBefore);
    }

    // ---------------------------------------------------------------------------------------------
    // A's lists

    @Test
    void cameraListHoldsOnlyOwnCameras() {
        Fixture f = fixture();
        HttpResult list = f.a().admin().client().get("/api/v1/cameras");
        assertThat(list.status()).isEqualTo(200);
        assertThat(ids(list.json())).containsExactlyElementsOf(strings(f.a().cameraIds()));
        assertNothingOf(f.b(), f.bName(), list.body());
    }

    @Test
    void userListHoldsOnlyOwnMembers() {
        Fixture f = fixture();
        HttpResult list = f.a().admin().client().get("/api/v1/users");
        assertThat(list.status()).isEqualTo(200);
        assertThat(ids(list.json())).containsExactlyElementsOf(strings(f.a().userIds()));
        assertNothingOf(f.b(), f.bName(), list.body());
    }

    @Test
    void eventListHoldsOnlyOwnEventsWhateverTheFilter() {
        Fixture f = fixture();
        ApiClient a = f.a().admin().client();
        String from = Instant.now().minus(1, ChronoUnit.DAYS).toString();
        String to = Instant.now().plus(1, ChronoUnit.DAYS).toString();
        for (String query : List.of("?limit=500", "?acknowledged=false&limit=500", "?violation_type=no_hardhat",
                "?from=" + from + "&to=" + to)) {
            HttpResult list = a.get("/api/v1/events" + query);
            assertThat(list.status()).as(query + " " + list).isEqualTo(200);
            assertThat(ids(list.json().path("items"))).as(query).containsExactlyElementsOf(strings(f.a().eventIds()));
            assertNothingOf(f.b(), f.bName(), list.body());
        }
    }

    @Test
    void eventListFilteredByAnotherOrganisationsCameraIsEmpty() {
        Fixture f = fixture();
        for (UUID bCamera : f.b().cameraIds()) {
            HttpResult list = f.a().admin().client().get("/api/v1/events?camera_id=" + bCamera + "&limit=500");
            assertThat(list.status()).as(list.toString()).isEqualTo(200);
            assertThat(list.json().path("items").isEmpty()).as(list.toString()).isTrue();
            assertThat(list.json().path("next_cursor").isNull()).isTrue();
        }
        // ...while B itself does see events on that camera.
        HttpResult own = f.b().admin().client().get("/api/v1/events?camera_id=" + f.b().camera());
        assertThat(ids(own.json().path("items"))).contains(f.b().event().toString());
    }

    @Test
    void auditLogHoldsOnlyOwnRows() {
        Fixture f = fixture();
        List<String> bRows = allAuditIds(f.b().admin().client());
        assertThat(bRows).isNotEmpty();
        List<String> aRows = new ArrayList<>();
        String cursor = null;
        do {
            HttpResult page = f.a().admin().client().get("/api/v1/audit-logs?limit=2"
                    + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            assertNothingOf(f.b(), f.bName(), page.body());
            aRows.addAll(ids(page.json().path("items")));
            cursor = page.json().path("next_cursor").isNull() ? null : page.json().path("next_cursor").asString();
        } while (cursor != null);
        assertThat(aRows).isNotEmpty().doesNotContainAnyElementsOf(bRows);
    }

    @Test
    void dailyStatisticsCountOnlyOwnCameras() {
        Fixture f = fixture();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        HttpResult daily = f.a().admin().client().get("/api/v1/stats/daily?from=" + today.minusDays(6) + "&to=" + today);
        assertThat(daily.status()).as(daily.toString()).isEqualTo(200);
        assertNothingOf(f.b(), f.bName(), daily.body());
        JsonNode byCamera = daily.json().path("by_camera");
        assertThat(byCamera.valueStream().map(n -> n.path("camera_id").asString()).toList())
                .containsExactly(f.a().camera().toString());
        long total = daily.json().path("days").valueStream()
                .mapToLong(day -> day.path("counts").path("total_violations").asLong()).sum();
        long frames = daily.json().path("days").valueStream()
                .mapToLong(day -> day.path("counts").path("frames_processed").asLong()).sum();
        assertThat(total).isEqualTo(A_NO_HARDHAT + A_NO_VEST + A_ZONE);
        assertThat(frames).isEqualTo(A_FRAMES);

        HttpResult ownCamera = f.a().admin().client().get("/api/v1/stats/daily?camera_id=" + f.a().camera());
        assertThat(ownCamera.status()).isEqualTo(200);
        assertNothingOf(f.b(), f.bName(), ownCamera.body());
    }

    @Test
    void summaryCountsOnlyOwnRows() {
        Fixture f = fixture();
        HttpResult summary = f.a().admin().client().get("/api/v1/stats/summary");
        assertThat(summary.status()).as(summary.toString()).isEqualTo(200);
        JsonNode json = summary.json();
        assertThat(json.path("today_counts").path("total_violations").asLong())
                .isEqualTo(A_NO_HARDHAT + A_NO_VEST + A_ZONE);
        assertThat(json.path("last_7_days").path("frames_processed").asLong()).isEqualTo(A_FRAMES);
        assertThat(json.path("by_violation_type").path("no_hardhat").asLong()).isEqualTo(A_NO_HARDHAT);
        assertThat(json.path("by_violation_type").path("zone_breach").asLong()).isEqualTo(A_ZONE);
        assertThat(json.path("unacknowledged").asLong()).isEqualTo(f.a().eventIds().size());
        assertThat(json.path("cameras").path("total").asLong()).isEqualTo(f.a().cameraIds().size());

        // B's own summary does count B's rows, so the numbers above are not zero by accident.
        JsonNode b = f.b().admin().client().get("/api/v1/stats/summary").json();
        assertThat(b.path("today_counts").path("total_violations").asLong()).isEqualTo(600);
        assertThat(b.path("cameras").path("total").asLong()).isEqualTo(2);
    }

    // ---------------------------------------------------------------------------------------------
    // Helpers

    /** No id, e-mail, camera name or organisation name of B anywhere in the text. */
    private static void assertNothingOf(Org b, String bName, String body) {
        List<String> secrets = new ArrayList<>();
        secrets.add(b.admin().organizationId().toString());
        secrets.add(bName);
        secrets.addAll(strings(b.userIds()));
        secrets.addAll(strings(b.cameraIds()));
        secrets.addAll(strings(b.eventIds()));
        secrets.addAll(b.cameraNames());
        secrets.addAll(b.emails());
        for (String secret : secrets) {
            assertThat(body).as("a response to A").doesNotContainIgnoringCase(secret);
        }
    }

    private static List<String> allAuditIds(ApiClient client) {
        HttpResult page = client.get("/api/v1/audit-logs?limit=500");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.json().path("next_cursor").isNull()).isTrue();
        return ids(page.json().path("items"));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.propertyNames().forEach(names::add);
        return names;
    }

    private static List<String> ids(JsonNode array) {
        return array.valueStream().map(node -> node.path("id").asString()).toList();
    }

    private static List<String> strings(List<UUID> ids) {
        return ids.stream().map(UUID::toString).toList();
    }
}
