package io.hardhats.cameras;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.hardhats.TestDatabase;
import io.hardhats.ingest.RtspTestServer;
import io.hardhats.support.ApiTest;
import io.hardhats.support.HttpResult;
import io.hardhats.users.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * "Test connection" against a real RTSP server with basic auth, and placeholder uploads decoded
 * by FFmpeg and kept as blobs. Private hosts are allowed here: the RTSP server is on loopback.
 */
@TestPropertySource(properties = "hardhats.cameras.allow-private-hosts=true")
class CameraToolsTest extends ApiTest {

    private static final Path MEDIA = Path.of("target", "camera-tools").toAbsolutePath();

    private static Path clip;
    private static RtspTestServer server;

    private Member admin;

    @BeforeAll
    static void media() throws Exception {
        Files.createDirectories(MEDIA);
        clip = MEDIA.resolve("clip.mp4");
        if (!Files.isRegularFile(clip)) {
            Path tmp = MEDIA.resolve("clip.tmp.mp4");
            Process ffmpeg = new ProcessBuilder(List.of("ffmpeg", "-nostdin", "-loglevel", "error", "-y", "-f", "lavfi",
                    "-i", "testsrc=size=320x240:rate=10", "-t", "6", "-c:v", "libx264", "-preset", "ultrafast",
                    "-g", "10", "-bf", "0", "-pix_fmt", "yuv420p", tmp.toString()))
                    .redirectErrorStream(true).redirectOutput(MEDIA.resolve("ffmpeg.log").toFile()).start();
            assertThat(ffmpeg.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(ffmpeg.exitValue()).as(Files.readString(MEDIA.resolve("ffmpeg.log"))).isZero();
            Files.move(tmp, clip);
        }
        server = RtspTestServer.start(clip);
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void organisation() {
        admin = register("Camera Tools Corp");
    }

    private UUID rtspCamera(String name, int port, String user, String password) {
        HttpResult created = admin.client().post("/api/v1/cameras", Map.of("name", name, "source_type", "rtsp",
                "rtsp_url", "rtsp://127.0.0.1:" + port + "/cam1", "username", user, "password", password));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return UUID.fromString(created.text("id"));
    }

    private static long blobCount(UUID organizationId) {
        try (Connection connection = DriverManager.getConnection(TestDatabase.url());
                PreparedStatement query = connection.prepareStatement(
                        "SELECT count(*) FROM blobs WHERE organization_id = ?")) {
            query.setObject(1, organizationId);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long elapsedMillis(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos).toMillis();
    }

    @Test
    void theRightCredentialsReportTheStream() {
        UUID id = rtspCamera("Gate", server.port(), RtspTestServer.USER, RtspTestServer.PASSWORD);
        long start = System.nanoTime();
        HttpResult result = admin.client().post("/api/v1/cameras/" + id + "/test", null);
        assertThat(elapsedMillis(start)).isLessThan(10_500);
        assertThat(result.status()).as(result.toString()).isEqualTo(200);
        assertThat(result.json().path("ok").asBoolean()).as(result.toString()).isTrue();
        assertThat(result.text("codec")).isEqualTo("h264");
        assertThat(result.json().path("width").asInt()).isEqualTo(320);
        assertThat(result.json().path("height").asInt()).isEqualTo(240);
        assertThat(result.json().path("fps").asDouble()).isGreaterThan(0);
        assertThat(result.json().has("keyframe_interval_s")).as(result.toString()).isTrue();
        assertThat(result.body()).doesNotContain(RtspTestServer.PASSWORD).doesNotContain(RtspTestServer.USER + ":");

        HttpResult audit = admin.client().get("/api/v1/audit-logs?limit=500");
        assertThat(audit.body()).contains("camera_test").doesNotContain(RtspTestServer.PASSWORD);
    }

    @Test
    void aWrongPasswordIsAnAuthFailureWithoutThePassword() {
        UUID id = rtspCamera("Wrong", server.port(), RtspTestServer.USER, "Wrong-Pass-99");
        HttpResult result = admin.client().post("/api/v1/cameras/" + id + "/test", null);
        assertThat(result.status()).as(result.toString()).isEqualTo(200);
        assertThat(result.json().path("ok").asBoolean()).isFalse();
        assertThat(result.text("error")).as(result.toString()).isEqualTo("auth_failed");
        assertThat(result.text("detail")).isNotBlank();
        assertThat(result.body()).doesNotContain("Wrong-Pass-99").doesNotContain(RtspTestServer.PASSWORD);
        assertThat(admin.client().get("/api/v1/audit-logs?limit=500").body()).doesNotContain("Wrong-Pass-99");
    }

    @Test
    void aClosedPortIsUnreachable() {
        UUID id = rtspCamera("Closed", RtspTestServer.freePort(), "someone", "Closed-Pass-1");
        long start = System.nanoTime();
        HttpResult result = admin.client().post("/api/v1/cameras/" + id + "/test", null);
        assertThat(elapsedMillis(start)).isLessThan(10_500);
        assertThat(result.status()).as(result.toString()).isEqualTo(200);
        assertThat(result.json().path("ok").asBoolean()).isFalse();
        assertThat(result.text("error")).as(result.toString()).isEqualTo("unreachable");
        assertThat(result.body()).doesNotContain("Closed-Pass-1");
    }

    @Test
    void anUnsavedFormIsTestedWithTheSameBodyAndNothingIsSaved() {
        Map<String, Object> form = Map.of("name", "Not yet saved", "source_type", "rtsp",
                "rtsp_url", "rtsp://127.0.0.1:" + server.port() + "/cam1",
                "username", RtspTestServer.USER, "password", RtspTestServer.PASSWORD);
        HttpResult result = admin.client().post("/api/v1/cameras/test", form);
        assertThat(result.status()).as(result.toString()).isEqualTo(200);
        assertThat(result.json().path("ok").asBoolean()).as(result.toString()).isTrue();
        assertThat(result.text("codec")).isEqualTo("h264");
        assertThat(result.body()).doesNotContain(RtspTestServer.PASSWORD).doesNotContain(RtspTestServer.USER + ":");
        assertThat(admin.client().get("/api/v1/cameras").json().size()).as("nothing saved").isZero();
        HttpResult audit = admin.client().get("/api/v1/audit-logs?action=camera_test");
        assertThat(audit.body()).contains("unsaved").doesNotContain(RtspTestServer.PASSWORD);

        HttpResult wrong = admin.client().post("/api/v1/cameras/test", Map.of("source_type", "rtsp",
                "rtsp_url", "rtsp://" + RtspTestServer.USER + ":Wrong-Pass-77@127.0.0.1:" + server.port() + "/cam1"));
        assertThat(wrong.text("error")).as(wrong.toString()).isEqualTo("auth_failed");
        assertThat(wrong.body()).doesNotContain("Wrong-Pass-77");
    }

    @Test
    void aRefusedConnectionIsExplainedInWords() {
        HttpResult result = admin.client().post("/api/v1/cameras/test", Map.of("name", "Closed", "source_type", "rtsp",
                "rtsp_url", "rtsp://127.0.0.1:" + RtspTestServer.freePort() + "/cam1"));
        assertThat(result.status()).as(result.toString()).isEqualTo(200);
        assertThat(result.text("error")).isEqualTo("unreachable");
        assertThat(result.text("detail")).isEqualTo("the camera refused the connection: check the address and port");
    }

    @Test
    void anAddressWithoutItsSchemeGetsASuggestion() {
        for (String path : List.of("/api/v1/cameras", "/api/v1/cameras/test")) {
            HttpResult result = admin.client().post(path, Map.of("name", "Typed", "source_type", "rtsp",
                    "rtsp_url", "192.0.2.10:554/stream1"));
            assertThat(result.status()).as(result.toString()).isEqualTo(422);
            assertThat(result.text("detail")).isEqualTo(
                    "rtsp_url: add rtsp:// in front of the address, as in rtsp://192.0.2.10:554/stream1");
        }
        HttpResult withSecret = admin.client().post("/api/v1/cameras/test", Map.of("source_type", "rtsp",
                "rtsp_url", "admin:Hidden-Pass-5@192.0.2.10:554/stream1"));
        assertThat(withSecret.status()).isEqualTo(422);
        assertThat(withSecret.body()).doesNotContain("Hidden-Pass-5");
        assertThat(admin.client().get("/api/v1/cameras").json().size()).isZero();
    }

    @Test
    void aRealClipBecomesThePlaceholderAndReplacesThePreviousOne() throws IOException {
        UUID id = createCamera(admin, "Yard");
        byte[] video = Files.readAllBytes(clip);
        HttpResult uploaded = admin.client().upload("/api/v1/cameras/" + id + "/placeholder", "file", "clip.mp4",
                "video/mp4", video, true);
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(200);
        assertThat(uploaded.json().path("has_placeholder_video").asBoolean()).isTrue();
        assertThat(uploaded.text("id")).isEqualTo(id.toString());
        assertThat(uploaded.json().path("video").path("codec").asString()).isEqualTo("h264");
        assertThat(uploaded.json().path("video").path("width").asInt()).isEqualTo(320);
        assertThat(blobCount(admin.organizationId())).isEqualTo(1);
        assertThat(admin.client().get("/api/v1/cameras/" + id).json().path("has_placeholder_video").asBoolean())
                .isTrue();

        HttpResult again = admin.client().upload("/api/v1/cameras/" + id + "/placeholder", "file", "clip.mp4",
                "video/mp4", video, true);
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(blobCount(admin.organizationId())).as("the previous video is deleted").isEqualTo(1);
        assertThat(admin.client().get("/api/v1/audit-logs?limit=500").body()).contains("camera_placeholder_upload");
    }

    @Test
    void aTextFileIsNotAVideoAndNothingIsStored() {
        UUID id = createCamera(admin, "Text");
        long before = blobCount(admin.organizationId());
        HttpResult refused = admin.client().upload("/api/v1/cameras/" + id + "/placeholder", "file", "notes.mp4",
                "video/mp4", "this is not a video\n".repeat(200).getBytes(), true);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.text("error")).isEqualTo("not_a_video");
        assertThat(blobCount(admin.organizationId())).isEqualTo(before);
        assertThat(admin.client().get("/api/v1/cameras/" + id).json().path("has_placeholder_video").asBoolean())
                .isFalse();
    }

    @Test
    void onlyAdminsOfTheCamerasOrganisationMayUseTheTools() throws IOException {
        UUID id = createCamera(admin, "Guarded");
        byte[] video = Files.readAllBytes(clip);
        Member operator = addMember(admin, Role.OPERATOR);
        assertThat(operator.client().upload("/api/v1/cameras/" + id + "/placeholder", "file", "clip.mp4",
                "video/mp4", video, true).status()).isEqualTo(403);
        assertThat(operator.client().post("/api/v1/cameras/" + id + "/test", null).status()).isEqualTo(403);

        Member stranger = register("Other Corp");
        assertThat(stranger.client().upload("/api/v1/cameras/" + id + "/placeholder", "file", "clip.mp4",
                "video/mp4", video, true).status()).isEqualTo(404);
        assertThat(stranger.client().post("/api/v1/cameras/" + id + "/test", null).status()).isEqualTo(404);

        HttpResult crossSite = admin.client().upload("/api/v1/cameras/" + id + "/placeholder", "file", "clip.mp4",
                "video/mp4", video, false);
        assertThat(crossSite.status()).as(crossSite.toString()).isEqualTo(403);
        assertThat(blobCount(admin.organizationId())).isZero();
        assertThat(blobCount(stranger.organizationId())).isZero();
    }
}
