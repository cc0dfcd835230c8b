package io.hardhats.split;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import io.hardhats.TestDatabase;
import io.hardhats.dashboard.HeadlessChromium;
import io.hardhats.stream.MjpegReader;
import io.hardhats.ingest.RtspTestServer;
import io.hardhats.vision.SharedFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Split mode end to end: the web and the worker jars run as separate processes
 * ({@code HARDHATS_ROLE=web} and {@code worker}) sharing a real PostgreSQL and a real Redis.
 * A user registers and adds an RTSP camera (a GStreamer RTSP server with basic auth playing real
 * site footage) through the dashboard in headless Chromium; the worker claims the camera, and
 * the web delivers its annotated frames on the MJPEG stream, a violation over SSE and the
 * camera's online status. Process logs go to target/split-e2e/.
 */
class SplitModeIT {

    private static final Path OUT = Path.of("target", "split-e2e").toAbsolutePath();
    /** Everything here may run on a loaded two-core machine: waits are generous, never sleeps. */
    private static final Duration START = Duration.ofMinutes(4);
    private static final Duration UI = Duration.ofSeconds(60);
    private static final Duration LIVE = Duration.ofMinutes(3);
    private static final String PASSWORD = "Split-mode-2024";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static ServiceProcess redis;
    private static RtspTestServer rtsp;
    private static ServiceProcess web;
    private static ServiceProcess worker;
    private static int webPort;
    private static HeadlessChromium browser;
    private static WebDriver driver;
    private static final ExecutorService readers = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "split-e2e-reader");
        thread.setDaemon(true);
        return thread;
    });

    @BeforeAll
    static void startEverything() throws Exception {
        Files.createDirectories(OUT);
        // Should the test JVM be stopped before @AfterAll, the service processes go with it.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (ServiceProcess process : new ServiceProcess[] {worker, web, redis}) {
                if (process != null) {
                    process.destroyNow();
                }
            }
            if (rtsp != null) {
                rtsp.stop();
            }
        }, "split-e2e-cleanup"));
        int redisPort = ServiceProcess.freePort();
        redis = ServiceProcess.redis(redisPort, OUT);
        rtsp = RtspTestServer.start(SharedFiles.siteClip("site-helmets-wide.mp4"));
        Map<String, String> env = ServiceProcess.deployment(TestDatabase.url(), redisPort);

        webPort = ServiceProcess.freePort();
        Map<String, String> webEnv = new HashMap<>(env);
        webEnv.put("PORT", Integer.toString(webPort));
        webEnv.put("HARDHATS_DATA_DIR", OUT.resolve("web-data").toString());
        web = ServiceProcess.jar("web", "web", OUT, webEnv);
        web.await("the web's /health/ready to answer 200", START, () -> status("/health/ready", null) == 200);

        Map<String, String> workerEnv = new HashMap<>(env);
        workerEnv.put("PORT", Integer.toString(ServiceProcess.freePort()));
        workerEnv.put("HARDHATS_DATA_DIR", OUT.resolve("worker-data").toString());
        worker = ServiceProcess.jar("worker", "worker", OUT, workerEnv);

        startBrowser();
    }

    @AfterAll
    static void stopEverything() throws Exception {
        if (browser != null) {
            browser.close();
        }
        for (ServiceProcess process : new ServiceProcess[] {worker, web}) {
            if (process != null) {
                process.stop();
            }
        }
        if (rtsp != null) {
            rtsp.close();
        }
        if (redis != null) {
            redis.stop();
        }
        readers.shutdownNow();
    }

    @Test
    void registerAddACameraAndWatchItLive() throws Exception {
        // Register an organisation through the dashboard's form.
        driver.get(base() + "/#/register");
        WebElement register = waitVisible(By.id("register-form"));
        String email = "split-" + System.nanoTime() + "@example.com";
        register.findElement(By.name("organization_name")).sendKeys("Split Mode Builders");
        register.findElement(By.name("full_name")).sendKeys("Sam Split");
        register.findElement(By.name("email")).sendKeys(email);
        register.findElement(By.name("password")).sendKeys(PASSWORD);
        register.findElement(By.cssSelector("button[type=submit]")).click();
        waitVisible(By.id("live-empty"));
        screenshot("registered");
        Cookie session = driver.manage().getCookieNamed("session");
        assertThat(session).as("the session cookie the dashboard holds").isNotNull();
        String cookie = session.getValue();

        // Violations of the organisation, from before the camera exists.
        try (SseClient sse = new SseClient(cookie)) {
            // Add the RTSP camera through the camera form; the credentials go in their own fields.
            navigate("#/cameras");
            waitVisible(By.id("add-camera")).click();
            WebElement form = waitVisible(By.id("camera-form"));
            form.findElement(By.name("name")).sendKeys("Slab pour");
            form.findElement(By.name("rtsp_url")).sendKeys(rtsp.url().replace(
                    RtspTestServer.USER + ":" + RtspTestServer.PASSWORD + "@", ""));
            form.findElement(By.name("username")).sendKeys(RtspTestServer.USER);
            form.findElement(By.name("camera_password")).sendKeys(RtspTestServer.PASSWORD);
            setValue(form.findElement(By.name("target_fps")), "2");
            setValue(form.findElement(By.name("confidence_threshold")), "0.3");
            screenshot("camera-form");
            driver.findElement(By.id("save-camera")).click();
            WebElement row = waitVisible(By.cssSelector("#cameras-table tr[data-camera-id]"));
            String cameraId = row.getAttribute("data-camera-id");
            assertThat(row.getText()).contains("Slab pour");

            JsonNode camera = getJson("/api/v1/cameras/" + cameraId, cookie);
            assertThat(camera.path("has_credentials").asBoolean()).as(camera.toString()).isTrue();
            assertThat(camera.path("rtsp_url").asString()).doesNotContain(RtspTestServer.PASSWORD);
            assertThat(camera.path("target_fps").asDouble()).isEqualTo(2.0);

            // The worker process (perhaps still starting) claims it and reports it online.
            worker.await("camera " + cameraId + " to be online", START,
                    () -> "online".equals(getJson("/api/v1/cameras/" + cameraId, cookie).path("status").asString()));

            // Annotated live frames on the MJPEG stream, changing over time.
            List<byte[]> frames = liveFrames(cameraId, cookie, 3);
            for (byte[] frame : frames) {
                BufferedImage image = ImageIO.read(new ByteArrayInputStream(frame));
                assertThat(image).as("a decodable JPEG").isNotNull();
                assertThat(image.getWidth()).isGreaterThan(100);
            }
            Files.write(OUT.resolve("frame.jpg"), frames.get(frames.size() - 1));

            // The live wall shows the camera online, its stream decoded by the browser.
            navigate("#/live");
            By tile = By.cssSelector(".tile[data-camera-id='" + cameraId + "']");
            waitVisible(tile);
            new WebDriverWait(driver, LIVE).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .until(d -> d.findElement(tile).findElement(By.cssSelector(".badge")).getText()
                            .equalsIgnoreCase("online")
                            && number(js("return document.querySelector(\".tile[data-camera-id='" + cameraId
                                    + "'] img\").naturalWidth")) > 100);
            screenshot("live-wall");

            // A violation from the footage reaches the browser's organisation over SSE.
            JsonNode violation = sse.nextViolation(LIVE);
            assertThat(violation).as("a violation event over SSE within " + LIVE).isNotNull();
            assertThat(violation.path("camera_id").asString()).as(violation.toString()).isEqualTo(cameraId);
            assertThat(violation.path("violation_type").asString()).as(violation.toString())
                    .isIn("no_hardhat", "no_vest");
            waitVisible(By.cssSelector("#alert-list li[data-event-id='" + violation.path("id").asString() + "']"));
            screenshot("live-alert");
        }
    }

    // --- HTTP with the browser's session ---

    private static String base() {
        return "http://localhost:" + webPort;
    }

    private static HttpRequest.Builder request(String path, String cookie) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(20));
        if (cookie != null) {
            request.header("Cookie", "session=" + cookie);
        }
        return request;
    }

    private static int status(String path, String cookie) {
        try {
            return HTTP.send(request(path, cookie).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode getJson(String path, String cookie) {
        try {
            HttpResponse<String> response = HTTP.send(request(path, cookie).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reads the camera's MJPEG stream until it has {@code count} different live frames (the
     * waiting and no-signal pictures do not count), as a browser's img element would.
     */
    private static List<byte[]> liveFrames(String cameraId, String cookie, int count) throws Exception {
        List<byte[]> standIns = new ArrayList<>();
        for (String picture : List.of("/stream/no-signal.jpg", "/stream/waiting.jpg")) {
            try (InputStream in = SplitModeIT.class.getResourceAsStream(picture)) {
                assertThat(in).as("the web's stand-in picture " + picture).isNotNull();
                standIns.add(in.readAllBytes());
            }
        }
        MjpegReader stream = new MjpegReader(webPort, "/api/stream/" + cameraId, cookie);
        assertThat(stream.status()).isEqualTo(200);
        assertThat(stream.contentType()).startsWith("multipart/x-mixed-replace");
        Future<List<byte[]>> reading = readers.submit(() -> {
            List<byte[]> distinct = new ArrayList<>();
            while (distinct.size() < count) {
                byte[] frame = stream.nextFrame();
                if (standIns.stream().anyMatch(standIn -> Arrays.equals(frame, standIn))) {
                    continue;
                }
                assertThat(frame[0]).isEqualTo((byte) 0xFF);
                assertThat(frame[1]).isEqualTo((byte) 0xD8);
                if (distinct.stream().noneMatch(seen -> Arrays.equals(seen, frame))) {
                    distinct.add(frame);
                }
            }
            return distinct;
        });
        try {
            return reading.get(LIVE.toSeconds(), TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("fewer than " + count + " different live frames on the MJPEG stream within "
                    + LIVE + "; worker log:\n" + worker.tail());
        } finally {
            stream.close();
            reading.cancel(true);
        }
    }

    /** The organisation's live events (text/event-stream), read on a background thread. */
    private static final class SseClient implements AutoCloseable {

        private final BlockingQueue<JsonNode> violations = new LinkedBlockingQueue<>();
        private final InputStream body;

        SseClient(String cookie) throws IOException, InterruptedException {
            HttpResponse<InputStream> response = HTTP.send(HttpRequest.newBuilder(URI.create(base() + "/api/sse/events"))
                    .header("Accept", "text/event-stream").header("Cookie", "session=" + cookie).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertThat(response.statusCode()).isEqualTo(200);
            this.body = response.body();
            readers.submit(this::read);
        }

        private void read() {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                String event = null;
                StringBuilder data = null;
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (line.isEmpty()) {
                        if ("violation".equals(event) && data != null) {
                            violations.add(JSON.readTree(data.toString()));
                        }
                        event = null;
                        data = null;
                    } else if (line.startsWith("event:")) {
                        event = line.substring(6).trim();
                    } else if (line.startsWith("data:")) {
                        data = data == null ? new StringBuilder() : data.append('\n');
                        data.append(line.substring(5));
                    }
                }
            } catch (IOException e) {
                // Closed by the test.
            }
        }

        JsonNode nextViolation(Duration timeout) throws InterruptedException {
            return violations.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }

        @Override
        public void close() throws IOException {
            body.close();
        }
    }

    // --- browser ---

    private static void startBrowser() throws IOException {
        browser = HeadlessChromium.start(false);
        driver = browser.driver();
    }

    private static void navigate(String hash) {
        js("location.hash = arguments[0];", hash);
        new WebDriverWait(driver, UI).until(d -> !d.findElements(By.cssSelector("main .page")).isEmpty());
    }

    private static WebElement waitVisible(By by) {
        return new WebDriverWait(driver, UI)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** Sets an input's value as typing would, firing the events the form listens to. */
    private static void setValue(WebElement input, String value) {
        js("arguments[0].value = arguments[1];"
                + " arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                + " arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", input, value);
    }

    private static Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    private static double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : -1;
    }

    private static void screenshot(String name) {
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        try {
            Files.copy(shot.toPath(), OUT.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
