package io.hardhats.cameras;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.Map;
import java.util.UUID;

import io.hardhats.support.ApiTest;
import io.hardhats.support.HttpResult;
import org.junit.jupiter.api.Test;

/** The web service (production mode) refuses camera hosts inside the platform's own network. */
class CameraHostPolicyTest extends ApiTest {

    @Test
    void loopbackLinkLocalAndMetadataHostsAreRefusedAndNothingIsCreated() {
        Member admin = register("Ssrf Corp");
        for (String url : new String[] {"rtsp://127.0.0.1:8554/cam", "rtsp://localhost/cam", "rtsp://[::1]/cam",
                "rtsp://169.254.169.254/latest", "rtsps://169.254.10.20/cam", "rtsp://0.0.0.0/cam"}) {
            HttpResult result = admin.client().post("/api/v1/cameras",
                    Map.of("name", "Probe", "source_type", "rtsp", "rtsp_url", url));
            assertThat(result.status()).as(url).isEqualTo(422);
            assertThat(result.text("detail")).contains("rtsp_url");
        }
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
    void theSettingAllowsEverythingWhenTheOperatorSaysSo() {
        CameraHostPolicy open = new CameraHostPolicy(new CameraHostPolicy.Settings(true), null);
        assertThatCode(() -> open.check("127.0.0.1")).doesNotThrowAnyException();
    }
}
