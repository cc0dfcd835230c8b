package io.hardhats.audit;

import static io.hardhats.support.ApiErrors.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.hardhats.support.ApiTest;
import io.hardhats.support.HttpResult;
import io.hardhats.users.Role;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The audit trail's filters (user, action, dates) with keyset paging, within the organisation. */
class AuditLogFiltersTest extends ApiTest {

    @Test
    void filtersCombineAndPagesFollowTheCursor() {
        Member admin = register("Audit Filters Corp");
        Instant before = Instant.now().minusSeconds(1);
        for (String name : List.of("Gate", "Crane", "Yard")) {
            createCamera(admin, name);
        }
        Member manager = addMember(admin, Role.MANAGER);

        HttpResult created = admin.client().get("/api/v1/audit-logs?action=camera_create");
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        assertThat(actions(created.json())).containsExactly("camera_create", "camera_create", "camera_create");

        List<String> ids = new ArrayList<>();
        String path = "/api/v1/audit-logs?action=camera_create&user_id=" + admin.userId() + "&limit=2";
        HttpResult first = admin.client().get(path);
        assertThat(first.json().path("items").size()).isEqualTo(2);
        first.json().path("items").forEach(item -> ids.add(item.path("id").asString()));
        String cursor = first.json().path("next_cursor").asString();
        assertThat(cursor).isNotBlank();
        HttpResult second = admin.client().get(path + "&cursor=" + cursor);
        assertThat(second.json().path("items").size()).isEqualTo(1);
        assertThat(second.json().path("next_cursor").isNull()).isTrue();
        second.json().path("items").forEach(item -> ids.add(item.path("id").asString()));
        assertThat(ids).doesNotHaveDuplicates().hasSize(3);

        HttpResult byUser = admin.client().get("/api/v1/audit-logs?user_id=" + admin.userId());
        for (JsonNode item : byUser.json().path("items")) {
            assertThat(item.path("user_id").asString()).isEqualTo(admin.userId().toString());
        }
        assertThat(actions(admin.client().get("/api/v1/audit-logs?user_id=" + manager.userId()).json()))
                .contains("login").doesNotContain("camera_create");

        String from = URLEncoder.encode(before.toString(), StandardCharsets.UTF_8);
        String later = URLEncoder.encode(Instant.now().plusSeconds(3600).toString(), StandardCharsets.UTF_8);
        assertThat(actions(admin.client().get("/api/v1/audit-logs?action=camera_create&from=" + from + "&to=" + later)
                .json())).hasSize(3);
        assertThat(actions(admin.client().get("/api/v1/audit-logs?from=" + later).json())).isEmpty();

        HttpResult known = admin.client().get("/api/v1/audit-logs/actions");
        assertThat(known.status()).isEqualTo(200);
        assertThat(known.json().toString()).contains("camera_create");
    }

    @Test
    void badFiltersAreRefusedAndAnotherOrganisationSeesNothing() {
        Member admin = register("Audit Checks Corp");
        createCamera(admin, "Private gate");
        assertThat(assertError(admin.client().get("/api/v1/audit-logs?action=DROP%20TABLE"), 422, "validation_failed"))
                .startsWith("action:");
        assertError(admin.client().get("/api/v1/audit-logs?user_id=someone"), 400);
        assertError(admin.client().get("/api/v1/audit-logs?from=yesterday"), 400);
        String at = URLEncoder.encode(Instant.now().toString(), StandardCharsets.UTF_8);
        assertThat(assertError(admin.client().get("/api/v1/audit-logs?from=" + at + "&to=" + at), 422))
                .startsWith("from:");
        String farFuture = URLEncoder.encode("+999999999-12-31T23:59:59Z", StandardCharsets.UTF_8);
        assertThat(assertError(admin.client().get("/api/v1/audit-logs?to=" + farFuture), 422)).startsWith("to:");

        Member stranger = register("Audit Stranger Corp");
        assertThat(actions(stranger.client().get("/api/v1/audit-logs?user_id=" + admin.userId()).json())).isEmpty();
        assertThat(addMember(admin, Role.MANAGER).client().get("/api/v1/audit-logs/actions").status()).isEqualTo(403);
    }

    @Test
    void theActionFilterOffersEveryActionTheProductRecordsWhateverTheTrailHolds() {
        Member admin = register("Audit Actions Corp");
        List<String> everyAction = Arrays.stream(AuditAction.values()).map(AuditAction::wire).sorted().toList();

        HttpResult offered = admin.client().get("/api/v1/audit-logs/actions");
        assertThat(offered.status()).as(offered.toString()).isEqualTo(200);
        List<String> actions = new ArrayList<>();
        offered.json().forEach(action -> actions.add(action.asString()));
        assertThat(actions).as("a new organisation's trail holds only its registration").isEqualTo(everyAction);

        assertThat(actions(admin.client().get("/api/v1/audit-logs?action=camera_delete").json()))
                .as("a known action this trail does not hold").isEmpty();
        assertThat(assertError(admin.client().get("/api/v1/audit-logs?action=camera_explode"), 422,
                "validation_failed")).startsWith("action:");
    }

    private static List<String> actions(JsonNode page) {
        List<String> actions = new ArrayList<>();
        page.path("items").forEach(item -> actions.add(item.path("action").asString()));
        return actions;
    }
}
