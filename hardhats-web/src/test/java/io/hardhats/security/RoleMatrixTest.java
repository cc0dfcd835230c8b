package io.hardhats.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import io.hardhats.events.ViolationType;
import io.hardhats.support.ApiClient;
import io.hardhats.support.ApiTest;
import io.hardhats.support.HttpResult;
import io.hardhats.support.TenantData;
import io.hardhats.users.Role;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The role matrix of DESIGN.md section 5, endpoint by endpoint: each role gets the success status
 * where it is allowed and 403 where it is not, and a refused call changes nothing. Without a session
 * every protected endpoint answers 401 and changes nothing either.
 */
class RoleMatrixTest extends ApiTest {

    private static final Set<Role> EVERYONE = EnumSet.allOf(Role.class);
    private static final Set<Role> ADMIN = EnumSet.of(Role.ADMIN);
    private static final Set<Role> ADMIN_MANAGER = EnumSet.of(Role.ADMIN, Role.MANAGER);
    private static final String NEW_PASSWORD = "Battery-Staple-9";
    private static final String CHANNELS = "/api/v1/notification-channels";
    private static final String DELIVERIES = "/api/v1/notification-deliveries";
    /** A documentation address (TEST-NET-1): never connected to by the web service. */
    private static final String WEBHOOK = "https://192.0.2.20/hooks/matrix";

    /** One organisation with one signed-in member per role, shared by every row (sign-ins are slow). */
    private record Fixture(Map<Role, Member> members, UUID cameraId, UUID eventId, UUID channelId, UUID deliveryId) {
        Member admin() {
            return members.get(Role.ADMIN);
        }
    }

    /** What a row's call answered, and what must then be true whether it was allowed or refused. */
    private record Outcome(HttpResult result, Runnable ifAllowed, Runnable ifDenied) {
        static Outcome of(HttpResult result) {
            return new Outcome(result, () -> { }, () -> { });
        }
    }

    @FunctionalInterface
    private interface Scenario {
        Outcome run(Fixture fixture, Member caller);
    }

    private record Endpoint(String name, Set<Role> allowed, int success, Scenario scenario) {
    }

    private static Fixture fixture;

    @Autowired
    private TenantData data;

    private synchronized Fixture fixture() {
        if (fixture == null) {
            Member admin = register("Role Matrix Org");
            Map<Role, Member> members = new LinkedHashMap<>();
            members.put(Role.ADMIN, admin);
            members.put(Role.MANAGER, addMember(admin, Role.MANAGER));
            members.put(Role.OPERATOR, addMember(admin, Role.OPERATOR));
            UUID camera = createCamera(admin, "Matrix Gate");
            UUID event = data.event(admin.organizationId(), camera, ViolationType.NO_HARDHAT, Instant.now());
            data.pictures(admin.organizationId(), event);
            data.clip(admin.organizationId(), event, new byte[] {0, 0, 0, 24, 'f', 't', 'y', 'p'});
            data.dailyStat(admin.organizationId(), camera, LocalDate.now(ZoneOffset.UTC), 2, 1, 0, 500);
            UUID channel = freshChannel(admin, "Matrix Office");
            UUID delivery = UUID.fromString(admin.client().post(CHANNELS + "/" + channel + "/test", null)
                    .text("delivery_id"));
            fixture = new Fixture(Map.copyOf(members), camera, event, channel, delivery);
        }
        return fixture;
    }

    // ---------------------------------------------------------------------------------------------
    // The matrix

    private List<Endpoint> endpoints() {
        List<Endpoint> rows = new ArrayList<>();

        // Authentication (every signed-in person)
        rows.add(new Endpoint("GET /api/v1/auth/me", EVERYONE, 200, (f, caller) -> {
            HttpResult result = caller.client().get("/api/v1/auth/me");
            return new Outcome(result, () -> assertThat(result.text("id")).isEqualTo(caller.userId().toString()),
                    () -> { });
        }));
        rows.add(new Endpoint("POST /api/v1/auth/refresh", EVERYONE, 200, (f, caller) -> {
            String before = caller.client().sessionCookie();
            HttpResult result = caller.client().post("/api/v1/auth/refresh", null);
            return new Outcome(result, () -> {
                assertThat(caller.client().sessionCookie()).isNotEqualTo(before);
                assertThat(caller.client().get("/api/v1/auth/me").status()).isEqualTo(200);
            }, () -> { });
        }));
        rows.add(new Endpoint("POST /api/v1/auth/change-password", EVERYONE, 204, (f, caller) -> {
            HttpResult result = caller.client().post("/api/v1/auth/change-password",
                    Map.of("current_password", PASSWORD, "new_password", NEW_PASSWORD));
            return new Outcome(result, () -> {
                // Changing it back only works if the change took: the old password is no longer current.
                HttpResult back = caller.client().post("/api/v1/auth/change-password",
                        Map.of("current_password", NEW_PASSWORD, "new_password", PASSWORD));
                assertThat(back.status()).as(back.toString()).isEqualTo(204);
            }, () -> { });
        }));

        // Users (admins only)
        rows.add(new Endpoint("GET /api/v1/users", ADMIN, 200, (f, caller) -> {
            HttpResult result = caller.client().get("/api/v1/users");
            return new Outcome(result, () -> assertThat(ids(result.json())).containsAll(
                    f.members().values().stream().map(m -> m.userId().toString()).toList()), () -> { });
        }));
        rows.add(new Endpoint("POST /api/v1/users", ADMIN, 201, (f, caller) -> {
            String email = uniqueEmail("created-by-" + caller.role().wire());
            HttpResult result = caller.client().post("/api/v1/users", Map.of("email", email, "password", PASSWORD,
                    "full_name", "Created Person", "role", "operator"));
            return new Outcome(result,
                    () -> assertThat(emails(f.admin().client().get("/api/v1/users").json())).contains(email),
                    () -> assertThat(emails(f.admin().client().get("/api/v1/users").json())).doesNotContain(email));
        }));
        rows.add(new Endpoint("GET /api/v1/users/{id}", ADMIN, 200, (f, caller) -> {
            UUID target = f.members().get(Role.MANAGER).userId();
            HttpResult result = caller.client().get("/api/v1/users/" + target);
            return new Outcome(result, () -> assertThat(result.text("id")).isEqualTo(target.toString()),
                    () -> assertThat(result.body()).doesNotContain(f.members().get(Role.MANAGER).email()));
        }));
        rows.add(new Endpoint("PUT /api/v1/users/{id}", ADMIN, 200, (f, caller) -> {
            UUID target = freshUser(f);
            String path = "/api/v1/users/" + target;
            String before = f.admin().client().get(path).body();
            HttpResult result = caller.client().put(path, Map.of("full_name", "Renamed Person", "role", "manager"));
            return new Outcome(result, () -> {
                JsonNode after = f.admin().client().get(path).json();
                assertThat(after.path("full_name").asString()).isEqualTo("Renamed Person");
                assertThat(after.path("role").asString()).isEqualTo("manager");
            }, () -> assertThat(f.admin().client().get(path).body()).isEqualTo(before));
        }));
        rows.add(new Endpoint("DELETE /api/v1/users/{id}", ADMIN, 204, (f, caller) -> {
            UUID target = freshUser(f);
            String path = "/api/v1/users/" + target;
            HttpResult result = caller.client().delete(path);
            return new Outcome(result,
                    () -> assertThat(f.admin().client().get(path).json().path("is_active").asBoolean()).isFalse(),
                    () -> assertThat(f.admin().client().get(path).json().path("is_active").asBoolean()).isTrue());
        }));

        // Organisation (admins change it, managers read it)
        rows.add(new Endpoint("GET /api/v1/organization", ADMIN_MANAGER, 200, (f, caller) -> {
            HttpResult result = caller.client().get("/api/v1/organization");
            return new Outcome(result,
                    () -> assertThat(result.text("id")).isEqualTo(f.admin().organizationId().toString()),
                    () -> assertThat(result.body()).doesNotContain(f.admin().organizationId().toString()));
        }));
        rows.add(new Endpoint("PUT /api/v1/organization", ADMIN, 200, (f, caller) -> {
            String before = f.admin().client().get("/api/v1/organization").body();
            String name = "Role Matrix Org by " + caller.role().wire();
            HttpResult result = caller.client().put("/api/v1/organization", Map.of("name", name));
            return new Outcome(result,
                    () -> assertThat(f.admin().client().get("/api/v1/organization").text("name")).isEqualTo(name),
                    () -> assertThat(f.admin().client().get("/api/v1/organization").body()).isEqualTo(before));
        }));

        rows.add(new Endpoint("GET /api/v1/organization/storage", ADMIN_MANAGER, 200, (f, caller) -> {
            HttpResult result = caller.client().get("/api/v1/organization/storage");
            return new Outcome(result,
                    () -> assertThat(result.json().path("events").asLong()).isPositive(),
                    () -> assertThat(result.body()).doesNotContain("total_bytes"));
        }));

        // Cameras (everyone reads, admins configure)
        rows.add(new Endpoint("GET /api/v1/cameras", EVERYONE, 200, (f, caller) -> {
            HttpResult result = caller.client().get("/api/v1/cameras");
            return new Outcome(result, () -> assertThat(ids(result.json())).contains(f.cameraId().toString()),
                    () -> { });
        }));
        rows.add(new Endpoint("GET /api/v1/cameras/presets", EVERYONE, 200,
                (f, caller) -> Outcome.of(caller.client().get("/api/v1/cameras/presets"))));
        rows.add(new Endpoint("GET /api/v1/cameras/{id}", EVERYONE, 200, (f, caller) -> {
            HttpResult result = caller.client().get("/api/v1/cameras/" + f.cameraId());
            return new Outcome(result, () -> assertThat(result.text("id")).isEqualTo(f.cameraId().toString()),
                    () -> { });
        }));
        rows.add(new Endpoint("POST /api/v1/cameras", ADMIN, 201, (f, caller) -> {
            String name = "Added by " + caller.role().wire();
            HttpResult result = caller.client().post("/api/v1/cameras", Map.of("name", name, "source_type", "rtsp",
                    "rtsp_url", "rtsp://192.0.2.20:554/added"));
            return new Outcome(result,
                    () -> assertThat(names(f.admin().client().get("/api/v1/cameras").json())).contains(name),
                    () -> assertThat(names(f.admin().client().get("/api/v1/cameras").json())).doesNotContain(name));
        }));
        rows.add(new Endpoint("POST /api/v1/cameras/test", ADMIN, 200, (f, caller) -> {
            String name = "Tested by " + caller.role().wire();
            HttpResult result = caller.client().post("/api/v1/cameras/test", Map.of("name", name,
                    "source_type", "file"));
            return new Outcome(result, () -> {
                assertThat(result.text("error")).isEqualTo("not_found");
                assertThat(names(f.admin().client().get("/api/v1/cameras").json())).doesNotContain(name);
            }, () -> { });
        }));
        rows.add(new Endpoint("PUT /api/v1/cameras/{id}", ADMIN, 200, (f, caller) -> {
            String path = "/api/v1/cameras/" + createCamera(f.admin(), "Put Target " + caller.role().wire());
            String before = f.admin().client().get(path).body();
            HttpResult result = caller.client().put(path, Map.of("zone", "North yard",
                    "rtsp_url", "rtsp://198.51.100.7:554/moved"));
            return new Outcome(result, () -> {
                JsonNode after = f.admin().client().get(path).json();
                assertThat(after.path("zone").asString()).isEqualTo("North yard");
                assertThat(after.path("rtsp_url").asString()).isEqualTo("rtsp://198.51.100.7:554/moved");
            }, () -> assertThat(f.admin().client().get(path).body()).isEqualTo(before));
        }));
        rows.add(new Endpoint("DELETE /api/v1/cameras/{id}", ADMIN, 204, (f, caller) -> {
            String path = "/api/v1/cameras/" + createCamera(f.admin(), "Delete Target " + caller.role().wire());
            String before = f.admin().client().get(path).body();
            HttpResult result = caller.client().delete(path);
            return new Outcome(result, () -> assertThat(f.admin().client().get(path).status()).isEqualTo(404),
                    () -> assertThat(f.admin().client().get(path).body()).isEqualTo(before));
        }));

        // Events (everyone reads and acknowledges, admins and managers delete)
        rows.add(new Endpoint("GET /api/v1/events", EVERYONE, 200, (f, caller) -> {
            HttpResult result = caller.client().get("/api/v1/events?limit=500");
            return new Outcome(result,
                    () -> assertThat(ids(result.json().path("items"))).contains(f.eventId().toString()), () -> { });
        }));
        rows.add(new Endpoint("GET /api/v1/events/{id}", EVERYONE, 200, (f, caller) -> {
            HttpResult result = caller.client().get("/api/v1/events/" + f.eventId());
            return new Outcome(result, () -> assertThat(result.text("id")).isEqualTo(f.eventId().toString()),
                    () -> { });
        }));
        rows.add(new Endpoint("GET /api/v1/events/{id}/frame", EVERYONE, 200, (f, caller) -> {
            HttpResult result = caller.client().get("/api/v1/events/" + f.eventId() + "/frame");
            return new Outcome(result, () -> assertThat(result.header("Content-Type")).hasValue("image/jpeg"),
                    () -> { });
        }));
        rows.add(new Endpoint("GET /api/v1/events/{id}/clip", EVERYONE, 200, (f, caller) -> {
            HttpResult result = caller.client().get("/api/v1/events/" + f.eventId() + "/clip");
            return new Outcome(result, () -> assertThat(result.header("Content-Type")).hasValue("video/mp4"),
                    () -> { });
        }));
        rows.add(new Endpoint("POST /api/v1/events/{id}/acknowledge", EVERYONE, 200, (f, caller) -> {
            String path = "/api/v1/events/" + freshEvent(f);
            HttpResult result = caller.client().post(path + "/acknowledge", null);
            return new Outcome(result, () -> {
                JsonNode after = f.admin().client().get(path).json();
                assertThat(after.path("acknowledged").asBoolean()).isTrue();
                assertThat(after.path("acknowledged_by").asString()).isEqualTo(caller.userId().toString());
            }, () -> assertThat(f.admin().client().get(path).json().path("acknowledged").asBoolean()).isFalse());
        }));
        rows.add(new Endpoint("DELETE /api/v1/events/{id}", ADMIN_MANAGER, 204, (f, caller) -> {
            String path = "/api/v1/events/" + freshEvent(f);
            String before = f.admin().client().get(path).body();
            HttpResult result = caller.client().delete(path);
            return new Outcome(result, () -> assertThat(f.admin().client().get(path).status()).isEqualTo(404),
                    () -> assertThat(f.admin().client().get(path).body()).isEqualTo(before));
        }));

        // Statistics (everyone)
        rows.add(new Endpoint("GET /api/v1/stats/daily", EVERYONE, 200,
                (f, caller) -> Outcome.of(caller.client().get("/api/v1/stats/daily"))));
        rows.add(new Endpoint("GET /api/v1/stats/daily?camera_id", EVERYONE, 200, (f, caller) -> {
            HttpResult result = caller.client().get("/api/v1/stats/daily?camera_id=" + f.cameraId());
            return new Outcome(result, () -> assertThat(result.json().path("by_camera").path(0).path("counts")
                    .path("total_violations").asLong()).isEqualTo(3), () -> { });
        }));
        rows.add(new Endpoint("GET /api/v1/stats/summary", EVERYONE, 200,
                (f, caller) -> Outcome.of(caller.client().get("/api/v1/stats/summary"))));

        // Audit log (admins only)
        rows.add(new Endpoint("GET /api/v1/audit-logs", ADMIN, 200, (f, caller) -> {
            HttpResult result = caller.client().get("/api/v1/audit-logs");
            return new Outcome(result, () -> assertThat(result.json().path("items").isArray()).isTrue(),
                    () -> assertThat(result.body()).doesNotContain("\"action\""));
        }));

        // Notifications (admins manage channels; admins and managers read them and the delivery log)
        rows.add(new Endpoint("GET " + CHANNELS, ADMIN_MANAGER, 200, (f, caller) -> {
            HttpResult result = caller.client().get(CHANNELS);
            return new Outcome(result,
                    () -> assertThat(ids(result.json().path("channels"))).contains(f.channelId().toString()),
                    () -> assertThat(result.body()).doesNotContain(f.channelId().toString()));
        }));
        rows.add(new Endpoint("POST " + CHANNELS, ADMIN, 201, (f, caller) -> {
            String name = "Matrix Channel " + caller.role().wire();
            HttpResult result = caller.client().post(CHANNELS, Map.of("name", name, "kind", "webhook",
                    "target", WEBHOOK));
            return new Outcome(result, () -> assertThat(channelNames(f)).contains(name),
                    () -> assertThat(channelNames(f)).doesNotContain(name));
        }));
        rows.add(new Endpoint("PATCH " + CHANNELS + "/{id}", ADMIN, 200, (f, caller) -> {
            UUID channel = freshChannel(f.admin(), "Patch Target " + caller.role().wire());
            String name = "Patched " + caller.role().wire();
            HttpResult result = caller.client().patch(CHANNELS + "/" + channel, Map.of("name", name));
            return new Outcome(result, () -> assertThat(channelNames(f)).contains(name),
                    () -> assertThat(channelNames(f)).doesNotContain(name));
        }));
        rows.add(new Endpoint("DELETE " + CHANNELS + "/{id}", ADMIN, 204, (f, caller) -> {
            UUID channel = freshChannel(f.admin(), "Delete Target " + caller.role().wire());
            HttpResult result = caller.client().delete(CHANNELS + "/" + channel);
            return new Outcome(result, () -> assertThat(channelIds(f)).doesNotContain(channel.toString()),
                    () -> assertThat(channelIds(f)).contains(channel.toString()));
        }));
        rows.add(new Endpoint("POST " + CHANNELS + "/{id}/test", ADMIN, 202, (f, caller) -> {
            UUID channel = freshChannel(f.admin(), "Test Target " + caller.role().wire());
            HttpResult result = caller.client().post(CHANNELS + "/" + channel + "/test", null);
            String deliveries = DELIVERIES + "?channel_id=" + channel;
            return new Outcome(result, () -> assertThat(ids(f.admin().client().get(deliveries).json().path("items")))
                    .containsExactly(result.text("delivery_id")),
                    () -> assertThat(f.admin().client().get(deliveries).json().path("items")).isEmpty());
        }));
        rows.add(new Endpoint("GET " + DELIVERIES, ADMIN_MANAGER, 200, (f, caller) -> {
            HttpResult result = caller.client().get(DELIVERIES);
            return new Outcome(result,
                    () -> assertThat(ids(result.json().path("items"))).contains(f.deliveryId().toString()),
                    () -> assertThat(result.body()).doesNotContain(f.deliveryId().toString()));
        }));
        rows.add(new Endpoint("GET " + DELIVERIES + "/{id}/attempts", ADMIN_MANAGER, 200, (f, caller) -> {
            HttpResult result = caller.client().get(DELIVERIES + "/" + f.deliveryId() + "/attempts");
            return new Outcome(result, () -> assertThat(result.json().isArray()).isTrue(), () -> { });
        }));
        return rows;
    }

    @TestFactory
    Stream<DynamicTest> everyEndpointForEveryRole() {
        return endpoints().stream().flatMap(endpoint -> EVERYONE.stream().map(role -> {
            boolean allowed = endpoint.allowed().contains(role);
            int expected = allowed ? endpoint.success() : 403;
            return DynamicTest.dynamicTest(endpoint.name() + " as " + role.wire() + " -> " + expected, () -> {
                Fixture f = fixture();
                Outcome outcome = endpoint.scenario().run(f, f.members().get(role));
                assertThat(outcome.result().status()).as(outcome.result().toString()).isEqualTo(expected);
                if (allowed) {
                    outcome.ifAllowed().run();
                } else {
                    assertThat(outcome.result().text("error")).isEqualTo("forbidden");
                    outcome.ifDenied().run();
                }
            });
        }));
    }

    // ---------------------------------------------------------------------------------------------
    // Without a session

    private record Call(String method, String path, Object body) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static List<Call> protectedCalls(Fixture f) {
        UUID user = f.members().get(Role.MANAGER).userId();
        return List.of(
                new Call("GET", "/api/v1/auth/me", null),
                new Call("POST", "/api/v1/auth/refresh", null),
                new Call("POST", "/api/v1/auth/change-password",
                        Map.of("current_password", PASSWORD, "new_password", NEW_PASSWORD)),
                new Call("GET", "/api/v1/users", null),
                new Call("POST", "/api/v1/users", Map.of("email", uniqueEmail("anonymous"), "password", PASSWORD,
                        "full_name", "Anonymous", "role", "admin")),
                new Call("GET", "/api/v1/users/" + user, null),
                new Call("PUT", "/api/v1/users/" + user, Map.of("full_name", "Anonymous edit", "role", "admin")),
                new Call("DELETE", "/api/v1/users/" + user, null),
                new Call("GET", "/api/v1/organization", null),
                new Call("PUT", "/api/v1/organization", Map.of("name", "Anonymous edit")),
                new Call("GET", "/api/v1/cameras", null),
                new Call("GET", "/api/v1/cameras/presets", null),
                new Call("GET", "/api/v1/cameras/" + f.cameraId(), null),
                new Call("POST", "/api/v1/cameras", Map.of("name", "Anonymous cam", "source_type", "rtsp",
                        "rtsp_url", "rtsp://192.0.2.30:554/x")),
                new Call("POST", "/api/v1/cameras/test", Map.of("source_type", "file")),
                new Call("PUT", "/api/v1/cameras/" + f.cameraId(), Map.of("zone", "Anonymous zone")),
                new Call("DELETE", "/api/v1/cameras/" + f.cameraId(), null),
                new Call("GET", "/api/v1/events", null),
                new Call("GET", "/api/v1/events/" + f.eventId(), null),
                new Call("GET", "/api/v1/events/" + f.eventId() + "/frame", null),
                new Call("GET", "/api/v1/events/" + f.eventId() + "/clip", null),
                new Call("POST", "/api/v1/events/" + f.eventId() + "/acknowledge", null),
                new Call("DELETE", "/api/v1/events/" + f.eventId(), null),
                new Call("GET", "/api/v1/stats/daily", null),
                new Call("GET", "/api/v1/stats/summary", null),
                new Call("GET", "/api/v1/audit-logs", null),
                new Call("GET", CHANNELS, null),
                new Call("POST", CHANNELS, Map.of("name", "Anonymous channel", "kind", "webhook", "target", WEBHOOK)),
                new Call("PATCH", CHANNELS + "/" + f.channelId(), Map.of("name", "Anonymous edit")),
                new Call("DELETE", CHANNELS + "/" + f.channelId(), null),
                new Call("POST", CHANNELS + "/" + f.channelId() + "/test", null),
                new Call("GET", DELIVERIES, null),
                new Call("GET", DELIVERIES + "/" + f.deliveryId() + "/attempts", null));
    }

    /** What an unauthenticated call must leave as it was, as the admin sees it. */
    private static List<String> snapshot(Fixture f) {
        ApiClient admin = f.admin().client();
        return List.of(
                admin.get("/api/v1/users/" + f.members().get(Role.MANAGER).userId()).body(),
                admin.get("/api/v1/organization").body(),
                admin.get("/api/v1/cameras/" + f.cameraId()).body(),
                admin.get("/api/v1/events/" + f.eventId()).body(),
                String.valueOf(ids(admin.get("/api/v1/cameras").json())),
                String.valueOf(ids(admin.get("/api/v1/users").json())),
                admin.get(CHANNELS).body(),
                admin.get(DELIVERIES).body());
    }

    @TestFactory
    Stream<DynamicTest> everyProtectedEndpointWithoutASessionIs401() {
        Fixture f = fixture();
        return Stream.of("no cookie", "forged cookie", "revoked cookie").flatMap(how ->
                protectedCalls(f).stream().map(call -> DynamicTest.dynamicTest(call + " with " + how + " -> 401",
                        () -> {
                            ApiClient anonymous = anonymous(how);
                            List<String> before = snapshot(f);
                            HttpResult result = anonymous.send(call.method(), call.path(),
                                    call.body() == null ? null : ApiClient.toJson(call.body()), "application/json");
                            assertThat(result.status()).as(result.toString()).isEqualTo(401);
                            assertThat(result.text("error")).isEqualTo("unauthorized");
                            assertThat(snapshot(f)).isEqualTo(before);
                        })));
    }

    private String revokedToken;

    private ApiClient anonymous(String how) {
        return switch (how) {
            case "no cookie" -> client();
            case "forged cookie" -> {
                // A well-formed token of the real admin's claims, signed with the wrong key.
                String real = fixture().admin().client().sessionCookie();
                String[] parts = real.split("\\.");
                yield client().withSessionCookie(parts[0] + "." + parts[1] + ".AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
            }
            case "revoked cookie" -> client().withSessionCookie(revokedAdminToken());
            default -> throw new IllegalArgumentException(how);
        };
    }

    /** An admin session of the organisation that was signed out: its token must no longer work. */
    private synchronized String revokedAdminToken() {
        if (revokedToken == null) {
            Fixture f = fixture();
            ApiClient second = client();
            HttpResult login = second.post("/api/v1/auth/login",
                    Map.of("email", f.admin().email(), "password", PASSWORD));
            assertThat(login.status()).as(login.toString()).isEqualTo(200);
            String token = second.sessionCookie();
            assertThat(second.post("/api/v1/auth/logout", null).status()).isEqualTo(204);
            revokedToken = token;
        }
        return revokedToken;
    }

    // ---------------------------------------------------------------------------------------------
    // Helpers

    private UUID freshUser(Fixture f) {
        HttpResult created = f.admin().client().post("/api/v1/users", Map.of("email", uniqueEmail("target"),
                "password", PASSWORD, "full_name", "Target Person", "role", "operator"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return UUID.fromString(created.text("id"));
    }

    /** A webhook channel the admin adds; answers its id. */
    private static UUID freshChannel(Member admin, String name) {
        HttpResult created = admin.client().post(CHANNELS, Map.of("name", name, "kind", "webhook", "target", WEBHOOK));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return UUID.fromString(created.text("id"));
    }

    private static List<String> channelIds(Fixture f) {
        return ids(f.admin().client().get(CHANNELS).json().path("channels"));
    }

    private static List<String> channelNames(Fixture f) {
        return names(f.admin().client().get(CHANNELS).json().path("channels"));
    }

    private UUID freshEvent(Fixture f) {
        return data.event(f.admin().organizationId(), f.cameraId(), ViolationType.NO_VEST, Instant.now());
    }

    private static List<String> ids(JsonNode array) {
        return array.valueStream().map(node -> node.path("id").asString()).toList();
    }

    private static List<String> emails(JsonNode array) {
        return array.valueStream().map(node -> node.path("email").asString()).toList();
    }

    private static List<String> names(JsonNode array) {
        return array.valueStream().map(node -> node.path("name").asString()).toList();
    }
}
