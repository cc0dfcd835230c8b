package io.hardhats.organizations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.hardhats.support.ApiTest;
import io.hardhats.support.HttpResult;
import io.hardhats.users.Role;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Privacy mode through the organisation settings: on for a new organisation, off only when confirmed, audited. */
class PrivacyModeApiTest extends ApiTest {

    @Test
    void aNewOrganisationStartsInPrivacyModeAndTurningItOffNeedsAConfirmation() {
        Member admin = register("Private Builders");
        assertThat(admin.client().get("/api/v1/organization").json().path("privacy_mode").asBoolean()).isTrue();

        HttpResult unconfirmed = admin.client().put("/api/v1/organization", Map.of("privacy_mode", false,
                "name", "Renamed Builders"));
        assertThat(unconfirmed.status()).as(unconfirmed.toString()).isEqualTo(422);
        assertThat(unconfirmed.text("error")).isEqualTo("confirmation_required");
        assertThat(unconfirmed.text("detail")).contains("confirm_privacy_off");
        JsonNode unchanged = admin.client().get("/api/v1/organization").json();
        assertThat(unchanged.path("privacy_mode").asBoolean()).isTrue();
        assertThat(unchanged.path("name").asString()).as("nothing of the refused request applied")
                .isEqualTo("Private Builders");
        assertThat(privacyActions(admin)).isEmpty();

        HttpResult off = admin.client().put("/api/v1/organization", Map.of("privacy_mode", false,
                "confirm_privacy_off", true));
        assertThat(off.status()).as(off.toString()).isEqualTo(200);
        assertThat(off.json().path("privacy_mode").asBoolean()).isFalse();

        HttpResult on = admin.client().put("/api/v1/organization", Map.of("privacy_mode", true));
        assertThat(on.status()).as(on.toString()).isEqualTo(200);
        assertThat(on.json().path("privacy_mode").asBoolean()).isTrue();
        assertThat(admin.client().put("/api/v1/organization", Map.of("privacy_mode", true)).status()).isEqualTo(200);

        assertThat(privacyActions(admin)).as("newest first, one row per change")
                .containsExactly("privacy_mode_on", "privacy_mode_off");
    }

    @Test
    void onlyAdminsSwitchItAndOnlyTheirOwnOrganisation() {
        Member admin = register("Careful Builders");
        Member manager = addMember(admin, Role.MANAGER);
        Member operator = addMember(admin, Role.OPERATOR);
        Member stranger = register("Other Builders");
        Map<String, Object> off = Map.of("privacy_mode", false, "confirm_privacy_off", true);

        HttpResult byManager = manager.client().put("/api/v1/organization", off);
        assertThat(byManager.status()).isEqualTo(403);
        assertThat(byManager.text("error")).isEqualTo("forbidden");
        assertThat(operator.client().put("/api/v1/organization", off).status()).isEqualTo(403);
        assertThat(manager.client().get("/api/v1/organization").json().path("privacy_mode").asBoolean())
                .as("managers read it").isTrue();

        assertThat(stranger.client().put("/api/v1/organization", off).status()).isEqualTo(200);
        assertThat(admin.client().get("/api/v1/organization").json().path("privacy_mode").asBoolean())
                .as("another organisation's switch is its own").isTrue();
        assertThat(privacyActions(admin)).isEmpty();
        assertThat(privacyActions(stranger)).containsExactly("privacy_mode_off");
    }

    /** The organisation's privacy mode changes in its audit trail, newest first. */
    private static List<String> privacyActions(Member admin) {
        HttpResult trail = admin.client().get("/api/v1/audit-logs?limit=500");
        assertThat(trail.status()).as(trail.toString()).isEqualTo(200);
        List<String> actions = new ArrayList<>();
        trail.json().path("items").forEach(item -> actions.add(item.path("action").asString()));
        return actions.stream().filter(action -> action.startsWith("privacy_mode")).toList();
    }
}
