package io.hardhats.notifications;

import static io.hardhats.support.ApiErrors.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.hardhats.support.ApiTest;
import io.hardhats.support.HttpResult;
import io.hardhats.users.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

/**
 * The notification channels and delivery log API: admins manage, managers read, operators and
 * other organisations get nothing; bad input changes nothing; targets stay write-only.
 */
@ExtendWith(OutputCaptureExtension.class)
class NotificationChannelsApiTest extends ApiTest {

    private static final String CHANNELS = "/api/v1/notification-channels";
    private static final String DELIVERIES = "/api/v1/notification-deliveries";
    private static final String HOOK_SECRET = "T0001/B0002/s3cr3tpathXYZ9";
    private static final String HOOK = "https://192.0.2.10/services/" + HOOK_SECRET;

    @Test
    void anAdminCreatesAWebhookSeesItsSecretOnceAndOnlyAMaskedTarget(CapturedOutput output) {
        Member admin = register("Channels");
        HttpResult created = admin.client().post(CHANNELS, Map.of("name", "Site office", "kind", "webhook",
                "target", HOOK));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode channel = created.json();
        String secret = channel.path("signing_secret").asString();
        assertThat(secret).startsWith("whsec_").hasSizeGreaterThan(40);
        assertThat(channel.path("target_masked").asString()).isEqualTo("https://192.0.2.10/…XYZ9");
        assertThat(channel.path("enabled").asBoolean()).isTrue();
        assertThat(channel.path("storm").path("max_alerts").asInt()).isEqualTo(5);
        assertThat(channel.path("storm").path("window_seconds").asInt()).isEqualTo(120);
        assertThat(channel.path("filters").path("camera_ids").isNull()).isTrue();
        assertThat(channel.path("filters").path("min_severity").asString()).isEqualTo("low");
        assertThat(channel.path("last_delivery").isNull()).isTrue();
        assertThat(created.body()).doesNotContain(HOOK_SECRET);

        HttpResult listed = admin.client().get(CHANNELS);
        assertThat(listed.json().path("email_configured").asBoolean()).isFalse();
        assertThat(listed.json().path("channels")).hasSize(1);
        assertThat(listed.body()).doesNotContain(HOOK_SECRET).doesNotContain(secret).doesNotContain("signing_secret");
        assertThat(output.getAll()).doesNotContain(HOOK_SECRET).doesNotContain(secret);
    }

    @Test
    void filtersStormAndChangesAreKeptAndAnAbsentTargetStays() {
        Member admin = register("Filters");
        UUID camera = createCamera(admin, "North gate");
        Map<String, Object> filters = Map.of("camera_ids", List.of(camera.toString()),
                "violation_types", List.of("no_hardhat"), "min_severity", "high",
                "active_hours", Map.of("days", List.of(1, 2, 3, 4, 5), "from", "07:00", "to", "17:30"));
        HttpResult created = admin.client().post(CHANNELS, Map.of("name", "Day shift", "kind", "slack",
                "target", HOOK, "filters", filters, "storm", Map.of("max_alerts", 3, "window_seconds", 60)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().has("signing_secret")).as("only webhooks sign").isFalse();
        String id = created.text("id");
        assertThat(created.json().path("filters").path("active_hours").path("to").asString()).isEqualTo("17:30");

        HttpResult renamed = admin.client().patch(CHANNELS + "/" + id, Map.of("name", "Days", "enabled", false,
                "storm", Map.of("max_alerts", 4)));
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        assertThat(renamed.text("name")).isEqualTo("Days");
        assertThat(renamed.json().path("enabled").asBoolean()).isFalse();
        assertThat(renamed.json().path("storm").path("max_alerts").asInt()).isEqualTo(4);
        assertThat(renamed.json().path("storm").path("window_seconds").asInt()).isEqualTo(60);
        assertThat(renamed.text("target_masked")).isEqualTo("https://192.0.2.10/…XYZ9");
        assertThat(renamed.json().path("filters").path("camera_ids").get(0).asString()).isEqualTo(camera.toString());

        HttpResult retargeted = admin.client().patch(CHANNELS + "/" + id,
                Map.of("target", "https://192.0.2.11/services/other-abcd"));
        assertThat(retargeted.text("target_masked")).isEqualTo("https://192.0.2.11/…abcd");

        assertThat(admin.client().delete(CHANNELS + "/" + id).status()).isEqualTo(204);
        assertError(admin.client().delete(CHANNELS + "/" + id), 404, "not_found");
        assertThat(admin.client().get(CHANNELS).json().path("channels")).isEmpty();
    }

    @Test
    void badInputIsRefusedWithAReasonAndChangesNothing() {
        Member admin = register("Bad input");
        Member other = register("Other site");
        UUID foreignCamera = createCamera(other, "Their gate");
        String id = admin.client().post(CHANNELS, Map.of("name", "Office", "kind", "webhook", "target", HOOK))
                .text("id");
        String before = admin.client().get(CHANNELS).body();

        List<Map<String, Object>> refused = List.of(
                Map.of("name", "x", "kind", "webhook"),
                Map.of("name", " ", "kind", "webhook", "target", HOOK),
                Map.of("name", "x".repeat(121), "kind", "webhook", "target", HOOK),
                Map.of("name", "x", "kind", "webhook", "target", "ftp://192.0.2.10/x"),
                Map.of("name", "x", "kind", "webhook", "target", "https://user:pw@192.0.2.10/x"),
                Map.of("name", "x", "kind", "webhook", "target", "https://192.0.2.10/" + "a".repeat(2048)),
                Map.of("name", "x", "kind", "webhook", "target", "http://127.0.0.1:8080/hook"),
                Map.of("name", "x", "kind", "webhook", "target", "http://169.254.169.254/latest"),
                Map.of("name", "x", "kind", "webhook", "target", "http://0x7f000001/hook"),
                Map.of("name", "x", "kind", "webhook", "target", HOOK, "storm", Map.of("max_alerts", 0)),
                Map.of("name", "x", "kind", "webhook", "target", HOOK, "storm", Map.of("window_seconds", 5)),
                Map.of("name", "x", "kind", "webhook", "target", HOOK, "filters",
                        Map.of("camera_ids", List.of(foreignCamera.toString()))),
                Map.of("name", "x", "kind", "webhook", "target", HOOK, "filters",
                        Map.of("active_hours", Map.of("days", List.of(0, 8), "from", "07:00", "to", "17:00"))),
                Map.of("name", "x", "kind", "webhook", "target", HOOK, "filters",
                        Map.of("active_hours", Map.of("days", List.of(1), "from", "7am", "to", "17:00"))));
        for (Map<String, Object> body : refused) {
            assertError(admin.client().post(CHANNELS, body), 422);
        }
        assertError(admin.client().post(CHANNELS, Map.of("name", "x", "kind", "pager", "target", HOOK)), 400);
        assertError(admin.client().post(CHANNELS, Map.of("name", "x", "kind", "webhook", "target", HOOK,
                "filters", Map.of("min_severity", "extreme"))), 400);
        assertError(admin.client().post(CHANNELS, Map.of("name", "Mail", "kind", "email",
                "target", "site@example.test")), 422, "email_not_configured");
        assertError(admin.client().patch(CHANNELS + "/" + id, Map.of("kind", "slack")), 422);
        assertError(admin.client().patch(CHANNELS + "/" + id, Map.of("target", "http://[::1]/x")), 422);

        assertThat(admin.client().get(CHANNELS).body()).isEqualTo(before);
    }

    @Test
    void anOrganisationHasAtMostTwentyChannels() {
        Member admin = register("Many channels");
        for (int i = 0; i < 20; i++) {
            assertThat(admin.client().post(CHANNELS, Map.of("name", "Hook " + i, "kind", "teams", "target", HOOK))
                    .status()).isEqualTo(201);
        }
        assertError(admin.client().post(CHANNELS, Map.of("name", "One more", "kind", "teams", "target", HOOK)), 409,
                "plan_limit");
        assertThat(admin.client().get(CHANNELS).json().path("channels")).hasSize(20);
    }

    @Test
    void aTestMessageEntersTheOutboxAndShowsInTheDeliveryLog() {
        Member admin = register("Test sends");
        Member manager = addMember(admin, Role.MANAGER);
        String channel = admin.client().post(CHANNELS, Map.of("name", "Office", "kind", "webhook", "target", HOOK))
                .text("id");
        HttpResult sent = admin.client().post(CHANNELS + "/" + channel + "/test", null);
        assertThat(sent.status()).as(sent.toString()).isEqualTo(202);
        String delivery = sent.text("delivery_id");

        HttpResult log = manager.client().get(DELIVERIES + "?channel_id=" + channel);
        assertThat(log.status()).as(log.toString()).isEqualTo(200);
        JsonNode item = log.json().path("items").get(0);
        assertThat(item.path("id").asString()).isEqualTo(delivery);
        assertThat(item.path("purpose").asString()).isEqualTo("test");
        assertThat(item.path("status").asString()).isEqualTo("pending");
        assertThat(item.path("channel_name").asString()).isEqualTo("Office");
        assertThat(item.path("channel_kind").asString()).isEqualTo("webhook");
        assertThat(item.path("event_id").isNull()).isTrue();
        assertThat(item.path("last_attempt").isNull()).isTrue();
        assertThat(log.json().path("next_cursor").isNull()).isTrue();
        assertThat(manager.client().get(DELIVERIES + "/" + delivery + "/attempts").json()).isEmpty();
        assertThat(admin.client().get(CHANNELS).json().path("channels").get(0).path("last_delivery")
                .path("status").asString()).isEqualTo("pending");

        admin.client().patch(CHANNELS + "/" + channel, Map.of("enabled", false));
        assertError(admin.client().post(CHANNELS + "/" + channel + "/test", null), 409, "channel_disabled");
    }

    @Test
    void testMessagesAreLimitedPerChannelAndPerOrganisation() {
        Member admin = register("Test limits");
        List<String> channels = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            channels.add(admin.client().post(CHANNELS, Map.of("name", "Office " + i, "kind", "webhook",
                    "target", HOOK)).text("id"));
        }
        for (int i = 0; i < 5; i++) {
            assertThat(admin.client().post(CHANNELS + "/" + channels.get(0) + "/test", null).status()).isEqualTo(202);
        }
        HttpResult tooMany = admin.client().post(CHANNELS + "/" + channels.get(0) + "/test", null);
        assertError(tooMany, 429, "rate_limited");
        assertThat(tooMany.header("Retry-After")).isPresent();

        for (String channel : channels.subList(1, 4)) {
            for (int i = 0; i < 5; i++) {
                assertThat(admin.client().post(CHANNELS + "/" + channel + "/test", null).status()).isEqualTo(202);
            }
        }
        assertError(admin.client().post(CHANNELS + "/" + channels.get(4) + "/test", null), 429, "rate_limited");
        assertThat(admin.client().get(DELIVERIES + "?limit=100").json().path("items")).hasSize(20);

        Member other = register("Other tester");
        String theirs = other.client().post(CHANNELS, Map.of("name", "Office", "kind", "webhook", "target", HOOK))
                .text("id");
        assertThat(other.client().post(CHANNELS + "/" + theirs + "/test", null).status())
                .as("another organisation has its own limit").isEqualTo(202);
    }

    @Test
    void theDeliveryLogPagesWithACursor() {
        Member admin = register("Paging");
        String channel = admin.client().post(CHANNELS, Map.of("name", "Office", "kind", "webhook", "target", HOOK))
                .text("id");
        for (int i = 0; i < 5; i++) {
            admin.client().post(CHANNELS + "/" + channel + "/test", null);
        }
        HttpResult first = admin.client().get(DELIVERIES + "?limit=3");
        assertThat(first.json().path("items")).hasSize(3);
        HttpResult second = admin.client().get(DELIVERIES + "?limit=3&cursor=" + first.text("next_cursor"));
        assertThat(second.json().path("items")).hasSize(2);
        assertThat(second.json().path("next_cursor").isNull()).isTrue();
        assertThat(admin.client().get(DELIVERIES + "?status=delivered").json().path("items")).isEmpty();
        assertError(admin.client().get(DELIVERIES + "?status=lost"), 400);
        assertError(admin.client().get(DELIVERIES + "?cursor=nonsense"), 400);
        assertError(admin.client().get(DELIVERIES + "?limit=0"), 422);
    }

    @Test
    void operatorsAreRefusedManagersOnlyReadAndOtherOrganisationsSeeNothing() {
        Member admin = register("Roles");
        Member manager = addMember(admin, Role.MANAGER);
        Member operator = addMember(admin, Role.OPERATOR);
        Member stranger = register("Strangers");
        String channel = admin.client().post(CHANNELS, Map.of("name", "Office", "kind", "webhook", "target", HOOK))
                .text("id");
        String delivery = admin.client().post(CHANNELS + "/" + channel + "/test", null).text("delivery_id");
        Map<String, Object> body = new HashMap<>(Map.of("name", "Renamed"));

        for (Member member : List.of(operator)) {
            assertError(member.client().get(CHANNELS), 403, "forbidden");
            assertError(member.client().get(DELIVERIES), 403, "forbidden");
            assertError(member.client().get(DELIVERIES + "/" + delivery + "/attempts"), 403, "forbidden");
        }
        for (Member member : List.of(manager, operator)) {
            assertError(member.client().post(CHANNELS, Map.of("name", "x", "kind", "webhook", "target", HOOK)), 403);
            assertError(member.client().patch(CHANNELS + "/" + channel, body), 403);
            assertError(member.client().delete(CHANNELS + "/" + channel), 403);
            assertError(member.client().post(CHANNELS + "/" + channel + "/test", null), 403);
        }
        assertThat(manager.client().get(CHANNELS).status()).isEqualTo(200);

        assertError(stranger.client().patch(CHANNELS + "/" + channel, body), 404, "not_found");
        assertError(stranger.client().delete(CHANNELS + "/" + channel), 404, "not_found");
        assertError(stranger.client().post(CHANNELS + "/" + channel + "/test", null), 404, "not_found");
        assertError(stranger.client().get(DELIVERIES + "/" + delivery + "/attempts"), 404, "not_found");
        assertThat(stranger.client().get(CHANNELS).json().path("channels")).isEmpty();
        assertThat(stranger.client().get(DELIVERIES).json().path("items")).isEmpty();
        assertThat(stranger.client().get(DELIVERIES + "?channel_id=" + channel).json().path("items")).isEmpty();

        for (String path : List.of(CHANNELS, DELIVERIES)) {
            assertError(client().get(path), 401);
        }
        assertThat(admin.client().get(CHANNELS).json().path("channels").get(0).path("name").asString())
                .isEqualTo("Office");
    }

    @Test
    void everyNotificationOperationIsInTheOpenApiDocument() {
        JsonNode paths = client().get("/api/docs/openapi.json").json().path("paths");
        assertThat(paths.path(CHANNELS).has("get")).isTrue();
        assertThat(paths.path(CHANNELS).has("post")).isTrue();
        assertThat(paths.path(CHANNELS + "/{id}").has("patch")).isTrue();
        assertThat(paths.path(CHANNELS + "/{id}").has("delete")).isTrue();
        assertThat(paths.path(CHANNELS + "/{id}/test").has("post")).isTrue();
        assertThat(paths.path(DELIVERIES).has("get")).isTrue();
        assertThat(paths.path(DELIVERIES + "/{id}/attempts").has("get")).isTrue();
    }

    @Test
    void adminsSetTheOrganisationsTimeZone() {
        Member admin = register("Zones");
        assertThat(admin.client().get("/api/v1/organization").text("time_zone")).isEqualTo("UTC");
        HttpResult changed = admin.client().put("/api/v1/organization", Map.of("time_zone", "Europe/Berlin"));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.text("time_zone")).isEqualTo("Europe/Berlin");
        for (String zone : List.of("Mars/Olympus", "europe/berlin", "")) {
            assertError(admin.client().put("/api/v1/organization", Map.of("time_zone", zone)), 422);
        }
        assertThat(admin.client().get("/api/v1/organization").text("time_zone")).isEqualTo("Europe/Berlin");
    }
}
