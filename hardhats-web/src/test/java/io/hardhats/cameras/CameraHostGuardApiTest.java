package io.hardhats.cameras;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.Map;
import java.util.UUID;

import io.hardhats.TestDatabase;
import io.hardhats.support.ApiTest;
import io.hardhats.support.HttpResult;
import org.junit.jupiter.api.Test;

/** The web service (production mode) refuses camera hosts inside the platform's own network. */
class CameraHostGuardApiTest extends ApiTest {

    @Test
    void loopbackLinkLocalAndMetadataHostsAreRefusedAndNothingIsCreated() {
        Member admin = register("Ssrf Corp");
        for (String url : new String[] {"rtsp://127.0.0.1:8554/cam", "rtsp://localhost/cam", "rtsp://[::1]/cam",
                "rtsp://169.254.169.254/latest", "rtsps://169.254.10.20/cam", "rtsp://0.0.0.0/cam",
                "rtsp://0x7f000001:18554/a", "rtsp://017700000001:18554/a", "rtsp://0x0:18554/a",
                "rtsp://0177.0.0.1/a", "rtsp://2130706433/a", "rtsp://127.1/a", "rtsp://[::ffff:127.0.0.1]/a",
                "rtsp://0xa9fea9fe/latest", "rtsp://08.1.1.1/a", "rtsp://127.0.0.1./a"}) {
            HttpResult result = admin.client().post("/api/v1/cameras",
                    Map.of("name", "Probe", "source_type", "rtsp", "rtsp_url", url));
            assertThat(result.status()).as(url).isEqualTo(422);
            assertThat(result.text("detail")).contains("rtsp_url");
            HttpResult tested = admin.client().post("/api/v1/cameras/test",
                    Map.of("name", "Probe", "source_type", "rtsp", "rtsp_url", url));
            assertThat(tested.status()).as("unsaved test of " + url).isEqualTo(422);
            assertThat(tested.text("detail")).isEqualTo(result.text("detail"));
        }
        assertThat(admin.client().get("/api/v1/audit-logs?limit=500").body()).doesNotContain("camera_test");
        UUID camera = createCamera(admin, "Legit");
        HttpResult moved = admin.client().put("/api/v1/cameras/" + camera, Map.of("rtsp_url", "rtsp://127.0.0.1/x"));
        assertThat(moved.status()).isEqualTo(422);
        assertThat(admin.client().get("/api/v1/cameras").json().size()).isEqualTo(1);
        assertThat(admin.client().get("/api/v1/cameras/" + camera).text("rtsp_url")).startsWith("rtsp://192.0.2.10");
    }

    @Test
    void siteNetworksStayAllowed() {
        Member admin = register("Site Corp");
        HttpResult created = admin.client().post("/api/v1/cameras",
                Map.of("name", "Gate", "source_type", "rtsp", "rtsp_url", "rtsp://10.20.30.40:554/stream"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }

    @Test
    void theConnectionTestRefusesAForbiddenHostEvenIfTheStoredUrlPredatesTheRule() throws Exception {
        Member admin = register("Old Url Corp");
        UUID camera = createCamera(admin, "Legit");
        // As if saved while private hosts were allowed, or a name that now resolves to loopback.
        try (Connection connection = DriverManager.getConnection(TestDatabase.url());
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE cameras SET rtsp_url = 'rtsp://0x7f000001:1/cam' WHERE id = ?")) {
            update.setObject(1, camera);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
        HttpResult tested = admin.client().post("/api/v1/cameras/" + camera + "/test", Map.of());
        assertThat(tested.status()).isEqualTo(422);
        assertThat(tested.text("detail")).startsWith("rtsp_url: ").contains("loopback");
    }
}
