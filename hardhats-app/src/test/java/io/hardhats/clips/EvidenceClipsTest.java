package io.hardhats.clips;

import static io.hardhats.support.ApiErrors.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.hardhats.HardhatsApplication;
import io.hardhats.TestDatabase;
import io.hardhats.dashboard.HeadlessChromium;
import io.hardhats.ingest.RtspTestServer;
import io.hardhats.support.ApiClient;
import io.hardhats.support.HttpResult;
import io.hardhats.vision.SharedFiles;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Evidence clips end to end, in one all-in-one process with the real model on real site footage:
 * an RTSP camera (GStreamer's server) gets clips copied from its H.264 stream, a file camera gets
 * clips encoded from its analysed frames. The violation (a zone breach) is made to come once each
 * camera has streamed for longer than a clip's lead. Each clip is fetched through the API, decodes with
 * FFmpeg to the configured length starting at a keyframe, and plays in headless Chromium on the
 * violation's page; byte ranges and tenancy hold for it.
 */
@SpringBootTest(classes = HardhatsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"hardhats.role=all", "hardhats.cookie-secure=false",
                "hardhats.secret-key=test-only-signing-key-0123456789-abcdefghij",
                "hardhats.encryption-key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
                "hardhats.fleet.renew-every=1s", "hardhats.fleet.ttl=3s", "hardhats.fleet.poll-every=200ms",
                "hardhats.clips.before=4s", "hardhats.clips.after=2s"})
class EvidenceClipsTest {

    /** The clip length the settings above ask for; FFmpeg must find it within a second. */
    private static final double CLIP_SECONDS = 6;
    /** Longer than the 4 s before a violation that a clip holds. */
    private static final Duration LEAD = Duration.ofSeconds(7);
    private static final Path FOOTAGE = SharedFiles.siteClip("site-helmets-wide.mp4");
    private static final String PASSWORD = "Correct-Horse-7";

    static RtspTestServer rtsp;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("hardhats.database-url", TestDatabase::url);
        registry.add("hardhats.model-path", () -> SharedFiles.referenceModel().toString());
        registry.add("hardhats.demo.video", () -> "/nonexistent/no-demo-camera.mp4");
    }

    @BeforeAll
    static void startCameraServer() {
        rtsp = RtspTestServer.start(FOOTAGE);
    }

    @AfterAll
    static void stopCameraServer() {
        if (rtsp != null) {
            rtsp.close();
        }
    }

    private ApiClient register(String organization, String email) {
        ApiClient api = new ApiClient(port);
        HttpResult registered = api.post("/api/v1/auth/register", Map.of("organization_name", organization,
                "email", email, "password", PASSWORD, "full_name", "Clara"));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        return api;
    }

    private static UUID camera(ApiClient api, Map<String, Object> body) {
        HttpResult created = api.post("/api/v1/cameras", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return UUID.fromString(created.text("id"));
    }

    /** The first violation of the camera that has its clip. */
    private static JsonNode eventWithClip(ApiClient api, UUID camera) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            for (JsonNode item : api.get("/api/v1/events?camera_id=" + camera).json().path("items")) {
                if (!item.path("clip_kind").isNull()) {
                    found[0] = item;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    /**
     * A zone camera whose zone nobody stands in, switched to the whole picture once it has streamed
     * for longer than a clip's lead: the violation then comes when the camera has video before it.
     */
    private static UUID zoneCamera(ApiClient api, Map<String, Object> source) {
        Map<String, Object> body = new HashMap<>(source);
        body.putAll(Map.of("target_fps", 1, "confidence_threshold", 0.3, "detection_mode", "zone",
                "zone_polygon", List.of(List.of(0, 0), List.of(0.02, 0), List.of(0, 0.02))));
        return camera(api, body);
    }

    private static void watchWholePicture(ApiClient api, UUID camera) {
        HttpResult edited = api.put("/api/v1/cameras/" + camera, Map.of("zone_polygon",
                List.of(List.of(0, 0), List.of(1, 0), List.of(1, 1), List.of(0, 1))));
        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
    }

    private static void awaitStatus(ApiClient api, UUID camera, String status) {
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                .until(() -> status.equals(api.get("/api/v1/cameras/" + camera).text("status")));
    }

    @Test
    void clipsOfAnRtspCameraAndAFileCameraDecodeAndPlay() throws Exception {
        String email = uniqueEmail();
        ApiClient api = register("Clip Builders", email);
        // New organisations start in privacy mode, whose clips are always the blurred analysed frames;
        // without it an RTSP camera's own video is copied.
        HttpResult privacyOff = api.put("/api/v1/organization", Map.of("privacy_mode", false,
                "confirm_privacy_off", true));
        assertThat(privacyOff.status()).as(privacyOff.toString()).isEqualTo(200);
        UUID live = zoneCamera(api, Map.of("name", "North gate", "source_type", "rtsp", "rtsp_url", rtsp.url()));
        UUID file = zoneCamera(api, Map.of("name", "Slab pour", "source_type", "file"));
        HttpResult uploaded = api.upload("/api/v1/cameras/" + file + "/placeholder", "file", "site.mp4", "video/mp4",
                Files.readAllBytes(FOOTAGE), true);
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(200);
        awaitStatus(api, live, "online");
        awaitStatus(api, file, "placeholder");
        Thread.sleep(LEAD.toMillis());
        watchWholePicture(api, live);
        watchWholePicture(api, file);

        JsonNode copied = eventWithClip(api, live);
        JsonNode encoded = eventWithClip(api, file);
        assertThat(copied.path("clip_kind").asString()).isEqualTo("stream_copy");
        assertThat(encoded.path("clip_kind").asString()).isEqualTo("analysed_frames");

        byte[] copiedClip = assertDecodes(api, copied);
        assertDecodes(api, encoded);

        String base = "http://localhost:" + port + "/";
        try (HeadlessChromium chromium = HeadlessChromium.start(false)) {
            WebDriver driver = chromium.driver();
            signIn(driver, base, email);
            assertPlays(driver, base, copied, "The camera's own video");
            assertPlays(driver, base, encoded, "analysed");
        }

        assertRangesAndTenancy(api, copied.path("id").asString(), copiedClip);
    }

    private static String uniqueEmail() {
        return "clips-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
    }

    private static void signIn(WebDriver driver, String base, String email) {
        driver.get(base + "#/login");
        WebElement form = new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("login-form")));
        form.findElement(By.name("email")).sendKeys(email);
        form.findElement(By.name("password")).sendKeys(PASSWORD);
        form.findElement(By.cssSelector("button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-page=live]")));
    }

    /** Fetches the clip and decodes it with FFmpeg: the configured length, starting at a keyframe. */
    private static byte[] assertDecodes(ApiClient api, JsonNode event) throws Exception {
        HttpResponse<byte[]> clip = api.getBytes("/api/v1/events/" + event.path("id").asString() + "/clip");
        assertThat(clip.statusCode()).isEqualTo(200);
        assertThat(clip.headers().firstValue("Content-Type")).hasValue("video/mp4");
        Path file = Files.createTempFile("clip-", ".mp4");
        try {
            Files.write(file, clip.body());
            try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toString())) {
                grabber.start();
                Frame first = grabber.grabImage();
                assertThat(first).isNotNull();
                assertThat(first.keyFrame).as("the clip starts at a keyframe").isTrue();
                int frames = 1;
                while (grabber.grabImage() != null) {
                    frames++;
                }
                double seconds = grabber.getLengthInTime() / 1e6;
                assertThat(seconds).as(event.path("clip_kind").asString() + " length")
                        .isBetween(CLIP_SECONDS - 1, CLIP_SECONDS + 1);
                assertThat(frames).isGreaterThanOrEqualTo(4);
            }
        } finally {
            Files.deleteIfExists(file);
        }
        return clip.body();
    }

    /** The violation's page plays the clip: metadata and a first frame loaded, the configured length. */
    private static void assertPlays(WebDriver driver, String base, JsonNode event, String caption) {
        driver.get(base + "#/event/" + event.path("id").asString());
        JavascriptExecutor js = (JavascriptExecutor) driver;
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> js.executeScript(
                "const v = document.getElementById('event-clip'); return v !== null && v.readyState >= 2;"));
        Number duration = (Number) js.executeScript("return document.getElementById('event-clip').duration;");
        assertThat(duration.doubleValue()).isBetween(CLIP_SECONDS - 1, CLIP_SECONDS + 1);
        assertThat((String) js.executeScript("return document.getElementById('event-clip-kind').textContent;"))
                .contains(caption);
    }

    private void assertRangesAndTenancy(ApiClient api, String eventId, byte[] whole) {
        String path = "/api/v1/events/" + eventId + "/clip";
        HttpResponse<byte[]> part = new ApiClient(port).withSessionCookie(api.sessionCookie())
                .header("Range", "bytes=100-1099").getBytes(path);
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.headers().firstValue("Content-Range")).hasValue("bytes 100-1099/" + whole.length);
        assertThat(part.body()).isEqualTo(Arrays.copyOfRange(whole, 100, 1100));

        HttpResponse<byte[]> beyond = new ApiClient(port).withSessionCookie(api.sessionCookie())
                .header("Range", "bytes=" + whole.length + "-").getBytes(path);
        assertThat(beyond.statusCode()).isEqualTo(416);

        ApiClient stranger = register("Other Builders", uniqueEmail());
        assertError(stranger.get(path), 404, "not_found");
    }
}
