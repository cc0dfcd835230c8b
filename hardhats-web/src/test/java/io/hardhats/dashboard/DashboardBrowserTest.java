package io.hardhats.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;


import io.hardhats.bus.LiveBus;
import io.hardhats.bus.LiveMessage;
import io.hardhats.cameras.CameraStatus;
import io.hardhats.events.EventView;
import io.hardhats.events.ViolationType;
import io.hardhats.support.ApiClient;
import io.hardhats.support.ApiTest;
import io.hardhats.support.HttpResult;
import io.hardhats.support.TenantData;
import io.hardhats.support.TestImages;
import io.hardhats.users.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dashboard in a real browser (Debian's headless Chromium through chromedriver) against the
 * real web service: sign-up, live wall with a decoded MJPEG stream, live alerts, acknowledging,
 * the events page, statistics charts, the camera form with its zone editor, and what an operator
 * does not see. Screenshots of each page go to target/screenshots/; the README's, at 1440×900
 * and 390×844, also to docs/screenshots/ with {@code -Dhardhats.docs-screenshots=true}.
 */
@TestPropertySource(properties = {"hardhats.cookie-secure=false",
        // Heartbeats far apart, so only the stream's own opening comment can make the alerts panel live.
        "hardhats.sse-heartbeat-ms=600000"})
class DashboardBrowserTest extends ApiTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Path DOCUMENTED_SCREENSHOTS = Path.of("..", "docs", "screenshots");
    private static final int FRAME_WIDTH = 320;

    private static HeadlessChromium browser;
    private static WebDriver driver;

    @Autowired
    LiveBus bus;

    @Autowired
    TenantData data;

    @Autowired
    JsonMapper json;

    private final List<String> consoleErrors = new ArrayList<>();
    private final List<String> allowedConsoleErrors = new ArrayList<>();
    private ScheduledExecutorService frames;
    private String testName;

    @BeforeAll
    static void startBrowser() throws IOException {
        browser = HeadlessChromium.start(true);
        driver = browser.driver();
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void freshBrowser(TestInfo info) {
        testName = info.getTestMethod().map(java.lang.reflect.Method::getName).orElse("test");
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1366, 900));
        // A plain file of the site, so no dashboard is running while its session is wiped.
        driver.get(base() + "/css/app.css");
        driver.manage().deleteAllCookies();
        js("localStorage.clear();");
        collectConsole();
        consoleErrors.clear();
        frames = Executors.newSingleThreadScheduledExecutor();
    }

    @AfterEach
    void stopFrames() {
        frames.shutdownNow();
    }

    @Test
    void adminFlowFromSignUpToZoneEditing() {
        // Sign up through the form; a new organisation has no cameras yet.
        driver.get(base() + "/#/register");
        String email = uniqueEmail("browser");
        WebElement form = waitFor(By.id("register-form"));
        form.findElement(By.name("organization_name")).sendKeys("Browser Builders");
        form.findElement(By.name("full_name")).sendKeys("Bea Browser");
        form.findElement(By.name("email")).sendKeys(email);
        form.findElement(By.name("password")).sendKeys("short");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        assertThat(waitVisible(By.cssSelector("#register-form .error-box")).getText()).contains("at least 10");
        screenshot("register");
        form.findElement(By.name("password")).clear();
        form.findElement(By.name("password")).sendKeys(PASSWORD);
        form.findElement(By.cssSelector("button[type=submit]")).click();
        waitVisible(By.id("live-empty"));
        assertThat(driver.findElement(By.id("live-empty")).getText()).contains("Add camera");
        assertThat(driver.findElement(By.id("whoami-role")).getText()).isEqualToIgnoringCase("admin");
        screenshot("live-empty");

        // A camera created through the API, streaming a picture made here.
        ApiClient api = client();
        HttpResult login = api.post("/api/v1/auth/login", Map.of("email", email, "password", PASSWORD));
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        UUID organizationId = UUID.fromString(api.get("/api/v1/auth/me").json().path("organization").path("id").asString());
        Member admin = new Member(api, UUID.fromString(login.json().path("user").path("id").asString()), organizationId,
                email, Role.ADMIN);
        UUID camera = createCamera(admin, "North gate");
        byte[] jpeg = jpeg("North gate");
        bus.publishFrame(camera, jpeg);
        frames.scheduleAtFixedRate(() -> bus.publishFrame(camera, jpeg), 500, 500, TimeUnit.MILLISECONDS);

        navigate("#/events");
        navigate("#/live");
        WebElement tile = waitVisible(By.cssSelector(".tile[data-camera-id='" + camera + "']"));
        assertThat(tile.getText()).contains("North gate");
        waitUntil(d -> number(js(
                "return document.querySelector(\".tile[data-camera-id='" + camera + "'] img\").naturalWidth")) == FRAME_WIDTH);
        screenshot("live-wall");

        // A violation published on the bus shows in the alerts panel, highlighted; acknowledge it.
        UUID eventId = data.event(organizationId, camera, ViolationType.NO_HARDHAT, Instant.now());
        publishViolation(admin, eventId);
        By alert = By.cssSelector("#alert-list li[data-event-id='" + eventId + "']");
        WebElement item = waitVisible(alert);
        assertThat(item.getText()).contains("No hard hat").contains("North gate").contains("87%");
        assertThat(item.getAttribute("class")).contains("fresh");
        screenshot("live-alert");
        item.findElement(By.cssSelector(".ack-button")).click();
        waitUntil(d -> d.findElement(alert).getText().toLowerCase().contains("acknowledged"));
        assertThat(admin.client().get("/api/v1/events/" + eventId).json().path("acknowledged").asBoolean()).isTrue();

        // A camera status change updates the tile's badge.
        bus.publishMessage(organizationId, LiveMessage.cameraStatus(
                new LiveMessage.CameraStatusChange(camera, CameraStatus.ERROR, "connection refused", Instant.now(), false), json)
                .toJson(json));
        waitUntil(d -> d.findElement(By.cssSelector(
                ".tile[data-camera-id='" + camera + "'] .badge")).getText().equalsIgnoreCase("error"));
        assertThat(tile.getText()).contains("connection refused");

        // Enlarge the camera in a dialog.
        tile.click();
        WebElement dialog = waitVisible(By.id("camera-dialog"));
        waitUntil(d -> number(js(
                "return document.querySelector('#camera-dialog img').naturalWidth")) == FRAME_WIDTH);
        screenshot("live-enlarged");
        dialog.findElement(By.tagName("button")).click();
        waitUntil(ExpectedConditions.numberOfElementsToBe(By.id("camera-dialog"), 0));

        // The events page shows it acknowledged.
        UUID second = data.event(organizationId, camera, ViolationType.NO_VEST, Instant.now().minusSeconds(60));
        navigate("#/events");
        WebElement row = waitVisible(By.cssSelector("#events-body tr[data-event-id='" + eventId + "']"));
        assertThat(row.findElement(By.cssSelector(".event-status")).getText()).containsIgnoringCase("acknowledged");
        assertThat(row.findElement(By.cssSelector(".event-status .badge")).getAttribute("class")).contains("badge-ack");
        WebElement secondRow = waitVisible(By.cssSelector("#events-body tr[data-event-id='" + second + "']"));
        assertThat(secondRow.findElement(By.cssSelector(".event-status .badge")).getAttribute("class")).contains("badge-new");
        // Filters: only unacknowledged ones.
        new Select(driver.findElement(By.name("acknowledged"))).selectByValue("false");
        driver.findElement(By.cssSelector("#event-filters button[type=submit]")).click();
        waitUntil(ExpectedConditions.numberOfElementsToBe(
                By.cssSelector("#events-body tr[data-event-id='" + eventId + "']"), 0));
        // Bulk acknowledge the rest.
        waitVisible(By.cssSelector("#events-body tr[data-event-id='" + second + "'] .event-select")).click();
        driver.findElement(By.id("ack-selected")).click();
        waitUntil(d -> d.findElement(By.cssSelector(
                "#events-body tr[data-event-id='" + second + "'] .event-status .badge")).getAttribute("class")
                .contains("badge-ack"));
        screenshot("events");

        // Statistics render as charts.
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        for (int day = 0; day < 7; day++) {
            data.dailyStat(organizationId, camera, today.minusDays(day), 3 + day, 2, day % 2, 1200 + 100L * day);
        }
        navigate("#/stats");
        for (String id : List.of("chart-daily", "chart-cameras", "chart-compliance", "chart-frames")) {
            waitUntil(d -> Boolean.TRUE.equals(js(
                    "const c = document.getElementById(arguments[0]); const chart = window.Chart && Chart.getChart(c);"
                            + " return !!chart && c.clientWidth > 0 && c.clientHeight > 0 && c.width > 0 && c.height > 0;",
                    id)));
        }
        Object plotted = js("return Chart.getChart(document.getElementById('chart-daily')).data.datasets"
                + ".reduce((sum, set) => sum + set.data.reduce((a, b) => a + b, 0), 0)");
        assertThat(number(plotted)).isGreaterThan(0);
        screenshot("stats");

        // An admin creates a camera with a zone drawn on the editor.
        navigate("#/cameras");
        waitVisible(By.id("add-camera")).click();
        WebElement cameraForm = waitVisible(By.id("camera-form"));
        cameraForm.findElement(By.name("name")).sendKeys("Crane base");
        cameraForm.findElement(By.name("rtsp_url")).sendKeys("rtsp://192.0.2.20:554/crane");
        new Select(cameraForm.findElement(By.name("detection_mode"))).selectByValue("zone");
        new Select(cameraForm.findElement(By.name("resolution"))).selectByValue("1080");
        WebElement canvas = waitVisible(By.id("zone-canvas"));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", canvas);
        int w = canvas.getRect().getWidth();
        int h = canvas.getRect().getHeight();
        assertThat(w).isGreaterThan(100);
        // Offsets are from the element's centre.
        int[][] clicks = {{-w / 4, -h / 4}, {w / 4, -h / 4}, {w / 4, h / 4}, {-w / 4, h / 4}};
        for (int[] click : clicks) {
            new Actions(driver).moveToElement(canvas, click[0], click[1]).click().perform();
        }
        waitUntil(d -> d.findElement(By.id("zone-summary")).getText().startsWith("4 points"));
        screenshot("camera-form");
        driver.findElement(By.id("save-camera")).click();
        waitVisible(By.id("cameras-table"));
        waitUntil(d -> d.findElement(By.id("cameras-table")).getText().contains("Crane base"));
        screenshot("cameras");
        JsonNode created = null;
        for (JsonNode each : admin.client().get("/api/v1/cameras").json()) {
            if (each.path("name").asString().equals("Crane base")) {
                created = each;
            }
        }
        assertThat(created).as("camera created through the form").isNotNull();
        assertThat(created.path("detection_mode").asString()).isEqualTo("zone");
        assertThat(created.path("inference_width").asInt()).isEqualTo(1080);
        JsonNode zone = created.path("zone_polygon");
        assertThat(zone.size()).isEqualTo(4);
        double[][] expected = {{0.25, 0.25}, {0.75, 0.25}, {0.75, 0.75}, {0.25, 0.75}};
        for (int i = 0; i < 4; i++) {
            assertThat(zone.get(i).get(0).asDouble()).isCloseTo(expected[i][0], org.assertj.core.data.Offset.offset(0.03));
            assertThat(zone.get(i).get(1).asDouble()).isCloseTo(expected[i][1], org.assertj.core.data.Offset.offset(0.03));
        }

        // Editing shows the stored zone; the connection test reports the server's answer clearly
        // (192.0.2.20 is a documentation address, so the camera cannot answer).
        String createdId = created.path("id").asString();
        navigate("#/cameras/" + createdId);
        waitVisible(By.id("camera-form"));
        waitUntil(d -> d.findElement(By.id("zone-summary")).getText().startsWith("4 points"));
        waitVisible(By.id("test-connection")).click();
        WebElement testResult = waitVisible(By.cssSelector("#test-result .error-box, #test-result .ok-box"));
        assertThat(testResult.getText()).startsWith("Connection failed.").doesNotContain("Test failed");
        js("arguments[0].scrollIntoView({block: 'center'})", testResult);
        screenshot("camera-edit");

        navigate("#/users");
        waitVisible(By.id("users-table"));
        assertThat(driver.findElement(By.id("users-table")).getText()).contains(email);
        screenshot("users");
        navigate("#/settings");
        assertThat(waitVisible(By.name("organization_name")).getAttribute("value")).isEqualTo("Browser Builders");
        waitVisible(By.id("password-form"));
        screenshot("settings");

        // Privacy mode is on for a new organisation; turning it off warns and wants "I understand".
        WebElement privacy = waitVisible(By.name("privacy_mode"));
        assertThat(privacy.isSelected()).isTrue();
        assertThat(driver.findElement(By.id("privacy-warning")).isDisplayed()).isFalse();
        privacy.click();
        assertThat(waitVisible(By.id("privacy-warning")).getText()).contains("Faces will be visible");
        screenshot("settings-privacy-warning");
        driver.findElement(By.cssSelector("#privacy-form button[type=submit]")).click();
        assertThat(waitVisible(By.cssSelector("#privacy-form .error-box")).getText()).contains("I understand");
        driver.findElement(By.name("confirm_privacy_off")).click();
        driver.findElement(By.cssSelector("#privacy-form button[type=submit]")).click();
        waitUntil(d -> !d.findElement(By.id("privacy-warning")).isDisplayed());
        navigate("#/users");
        waitVisible(By.id("users-table"));
        navigate("#/settings");
        assertThat(waitVisible(By.name("privacy_mode")).isSelected()).as("saved off").isFalse();

        assertNoConsoleErrors();
    }

    @Test
    void operatorSeesNoAdminControls() {
        Member admin = register("Operator Site");
        UUID camera = createCamera(admin, "Loading bay");
        data.event(admin.organizationId(), camera, ViolationType.ZONE_BREACH, Instant.now());
        Member operator = addMember(admin, Role.OPERATOR);
        bus.publishFrame(camera, jpeg("Loading bay"));

        driver.get(base() + "/#/login");
        WebElement form = waitFor(By.id("login-form"));
        form.findElement(By.name("email")).sendKeys(operator.email());
        form.findElement(By.name("password")).sendKeys("wrong-password-1");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        waitVisible(By.cssSelector("#login-form .error-box"));
        allowedConsoleErrors.add("/api/v1/auth/login");
        form.findElement(By.name("password")).clear();
        form.findElement(By.name("password")).sendKeys(PASSWORD);
        form.findElement(By.cssSelector("button[type=submit]")).click();
        waitVisible(By.cssSelector(".tile[data-camera-id='" + camera + "']"));
        assertThat(driver.findElement(By.id("whoami-role")).getText()).isEqualToIgnoringCase("operator");
        assertThat(driver.findElement(By.cssSelector("#mainnav a[data-route=users]")).isDisplayed()).isFalse();
        waitVisible(By.cssSelector("#alert-list li .ack-button"));
        screenshot("operator-live");
        // Tablet width: the alerts panel moves below the wall.
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(820, 1180));
        waitUntil(d -> Boolean.TRUE.equals(js("const a = document.getElementById('alerts-panel').getBoundingClientRect();"
                + " const m = document.getElementById('main').getBoundingClientRect(); return a.top >= m.bottom - 1;")));
        screenshot("operator-live-tablet");

        navigate("#/cameras");
        WebElement table = waitVisible(By.id("cameras-table"));
        assertThat(table.getText()).contains("Loading bay").doesNotContain("Edit").doesNotContain("Delete");
        assertThat(driver.findElements(By.id("add-camera"))).isEmpty();
        screenshot("operator-cameras");

        navigate("#/cameras/new");
        waitVisible(By.id("cameras-table"));
        assertThat(driver.findElements(By.id("camera-form"))).isEmpty();

        navigate("#/users");
        waitUntil(d -> d.findElements(By.cssSelector("[data-page=live]")).size() == 1);
        assertThat(driver.findElements(By.id("users-table"))).isEmpty();

        navigate("#/events");
        waitVisible(By.cssSelector("#events-body tr"));
        assertThat(driver.findElement(By.id("events-table")).getText()).doesNotContain("Delete");
        assertThat(driver.findElement(By.id("ack-selected")).isDisplayed()).isTrue();

        navigate("#/settings");
        waitVisible(By.id("password-form"));
        assertThat(driver.findElements(By.id("organization-settings"))).isEmpty();
        screenshot("operator-settings");

        driver.findElement(By.id("logout-button")).click();
        waitVisible(By.id("login-form"));
        assertThat(driver.findElement(By.cssSelector(".auth-wrap")).getText()).contains("signed out");
        assertNoConsoleErrors();
    }

    @Test
    void withoutADetectorAdminsAreToldHowToTurnDetectionOnAndTilesSaySo() {
        Member admin = register("No Model Site");
        UUID camera = createCamera(admin, "Tower crane");
        data.cameraReported(admin.organizationId(), camera, CameraStatus.ONLINE, null, true);
        Member operator = addMember(admin, Role.OPERATOR);
        bus.publishFrame(camera, jpeg("Tower crane"));
        By noDetector = By.cssSelector(".tile[data-camera-id='" + camera + "'] .badge-no-detector");

        signIn(admin.email());
        WebElement banner = waitVisible(By.id("detection-banner"));
        assertThat(banner.getText()).contains("Detection is off", "MODEL_PATH", "Ultralytics", "training/");
        assertThat(waitVisible(noDetector).getText()).isEqualToIgnoringCase("no detector");
        screenshot("live-no-detector");

        // The worker restarted with a model: its next status report turns the banner off.
        bus.publishMessage(admin.organizationId(), LiveMessage.cameraStatus(
                new LiveMessage.CameraStatusChange(camera, CameraStatus.ONLINE, null, Instant.now(), false), json)
                .toJson(json));
        waitUntil(ExpectedConditions.invisibilityOfElementLocated(By.id("detection-banner")));
        assertThat(driver.findElement(noDetector).isDisplayed()).isFalse();

        driver.findElement(By.id("logout-button")).click();
        // Signed out once the sign-in form shows; loading a page earlier would race the logout.
        waitVisible(By.id("login-form"));
        data.cameraReported(admin.organizationId(), camera, CameraStatus.ONLINE, null, true);
        signIn(operator.email());
        waitVisible(noDetector);
        assertThat(driver.findElement(By.id("detection-banner")).isDisplayed()).as("banner for admins only").isFalse();
        assertNoConsoleErrors();
    }

    @Test
    void settingsShowStorageAndAdminsAreToldWhenItIsFull() {
        Member admin = register("Full Storage Site");
        Member manager = addMember(admin, Role.MANAGER);
        UUID camera = createCamera(admin, "Gate");
        UUID event = data.event(admin.organizationId(), camera, ViolationType.NO_HARDHAT, Instant.now());
        data.pictures(admin.organizationId(), event);

        signIn(admin);
        navigate("#/settings");
        WebElement storage = waitVisible(By.id("storage-settings"));
        assertThat(storage.findElement(By.cssSelector("tr[data-kind=frames]")).getText()).containsIgnoringCase("frames").contains("KB");
        assertThat(storage.findElement(By.cssSelector("tr[data-kind=thumbnails]")).getText()).contains("KB");
        assertThat(storage.findElement(By.cssSelector("tr[data-kind=events]")).getText()).endsWith("1");
        assertThat(driver.findElement(By.name("retention_days")).getAttribute("value")).isEqualTo("90");
        assertThat(driver.findElement(By.id("storage-banner")).isDisplayed()).isFalse();

        data.storageLimit(admin.organizationId(), 1);
        driver.navigate().refresh();
        WebElement banner = waitVisible(By.id("storage-banner"));
        assertThat(banner.getText()).contains("Storage is full", "without video clips");
        screenshot("settings-storage-full");

        driver.findElement(By.id("logout-button")).click();
        waitVisible(By.id("login-form"));
        signIn(manager);
        navigate("#/settings");
        waitVisible(By.id("storage-settings"));
        assertThat(driver.findElement(By.id("storage-banner")).isDisplayed()).as("banner for admins only").isFalse();
        assertNoConsoleErrors();
    }

    @Test
    void statesAgreeFromPageToPage() {
        Member admin = register("Demo Yard Ltd");
        UUID demo = createCamera(admin, "Demo yard");
        // Demo mode streams the placeholder video: the camera delivers frames, so it is online.
        data.cameraReported(admin.organizationId(), demo, CameraStatus.PLACEHOLDER, Instant.now());
        UUID fresh = createCamera(admin, "Just saved");
        signIn(admin);

        navigate("#/stats");
        waitUntil(d -> d.findElement(By.id("stats-kpis")).getText().contains("1 / 2"));
        screenshot("stats-online");

        // The live wall agrees with the zone editor: the new camera is waiting, the demo camera's signal is gone.
        navigate("#/live");
        waitUntil(d -> between(pictureDifference(fresh, "/stream/waiting.jpg"), 0, 1));
        waitUntil(d -> between(pictureDifference(demo, "/stream/no-signal.jpg"), 0, 1));
        assertThat(pictureDifference(fresh, "/stream/no-signal.jpg")).isGreaterThan(1);
        screenshot("live-waiting");

        // A camera that never sent a frame is waiting for it; its signal was not lost.
        navigate("#/cameras/" + fresh);
        WebElement waiting = waitVisible(By.id("zone-frame-status"));
        assertThat(waiting.getText()).contains("Waiting for the first frame");
        assertThat(driver.findElement(By.cssSelector(".zone-editor img")).isDisplayed()).isFalse();
        js("arguments[0].scrollIntoView({block: 'center'})", waiting);
        screenshot("camera-form-waiting");
        data.cameraReported(admin.organizationId(), fresh, CameraStatus.ONLINE, Instant.now());
        bus.publishFrame(fresh, jpeg("Just saved"));
        waitUntil(d -> number(js("const img = document.querySelector('.zone-editor img');"
                + " return img.hidden ? 0 : img.naturalWidth")) == FRAME_WIDTH);
        assertThat(driver.findElement(By.id("zone-frame-status")).isDisplayed()).isFalse();
        assertNoConsoleErrors();
    }

    @Test
    void theAlertsPanelIsLiveAsSoonAsItsStreamOpens() {
        Member admin = register("Prompt Alerts Ltd");
        signIn(admin);
        // The first heartbeat is ten minutes away (see the class's properties).
        waitUntil(d -> d.findElement(By.id("live-connection")).getText().equals("live"));
        assertNoConsoleErrors();
    }

    @Test
    void theLiveWallUsesTheScreenOnADesktopAndAPhone() {
        Member admin = register("Wide Wall Ltd");
        UUID gate = createCamera(admin, "Gate");
        UUID crane = createCamera(admin, "Crane");
        data.cameraReported(admin.organizationId(), gate, CameraStatus.ONLINE, Instant.now());
        data.cameraReported(admin.organizationId(), crane, CameraStatus.ONLINE, Instant.now());
        byte[] gateFrame = jpeg("Gate");
        byte[] craneFrame = jpeg("Crane");
        frames.scheduleAtFixedRate(() -> {
            bus.publishFrame(gate, gateFrame);
            bus.publishFrame(crane, craneFrame);
        }, 0, 500, TimeUnit.MILLISECONDS);
        viewport(1440, 900);
        signIn(admin);
        navigate("#/live");
        for (UUID camera : List.of(gate, crane)) {
            waitUntil(d -> number(js("return document.querySelector(\".tile[data-camera-id='" + camera
                    + "'] img\").naturalWidth")) == FRAME_WIDTH);
        }
        // Two cameras share the wall's width between them.
        assertThat(tileShare(gate)).isGreaterThan(0.45);
        assertThat(tileShare(crane)).isGreaterThan(0.45);

        // An error message sits on its tile's picture; the neighbour keeps its height.
        bus.publishMessage(admin.organizationId(), LiveMessage.cameraStatus(new LiveMessage.CameraStatusChange(crane,
                CameraStatus.ERROR, "the camera refused the connection: check the address and port", null, false), json)
                .toJson(json));
        waitVisible(By.cssSelector(".tile[data-camera-id='" + crane + "'] .tile-error"));
        assertThat(number(js("return document.querySelector(\".tile[data-camera-id='" + crane + "']\").offsetHeight")))
                .isEqualTo(number(js("return document.querySelector(\".tile[data-camera-id='" + gate + "']\").offsetHeight")));
        documentedScreenshot("live-wall-1440x900");

        viewport(390, 844);
        waitUntil(d -> tileShare(gate) > 0.95);
        assertThat(tileShare(crane)).isGreaterThan(0.95);
        documentedScreenshot("live-wall-390x844");
        assertNoConsoleErrors();
    }

    @Test
    void anUnsavedCameraFormTestsItsConnectionAndSaysWhatToFix() {
        Member admin = register("Form Test Ltd");
        viewport(1440, 900);
        signIn(admin);
        navigate("#/cameras/new");
        WebElement form = waitVisible(By.id("camera-form"));
        form.findElement(By.name("name")).sendKeys("Site office");
        form.findElement(By.name("rtsp_url")).sendKeys("192.0.2.10:554/stream1");
        WebElement test = waitVisible(By.id("test-connection"));
        test.click();
        WebElement result = waitVisible(By.cssSelector("#test-result .error-box"));
        assertThat(result.getText()).contains("add rtsp:// in front of the address")
                .contains("rtsp://192.0.2.10:554/stream1");
        js("arguments[0].closest('fieldset').scrollIntoView({block: 'start'}); window.scrollBy(0, -24);", result);
        documentedScreenshot("camera-form-1440x900");

        // The server's host policy applies to the unsaved form as to a saved camera.
        form.findElement(By.name("rtsp_url")).clear();
        form.findElement(By.name("rtsp_url")).sendKeys("rtsp://127.0.0.1:554/stream1");
        test.click();
        waitUntil(d -> d.findElement(By.id("test-result")).getText().contains("loopback"));
        assertThat(admin.client().get("/api/v1/cameras").json().size()).as("testing saves nothing").isZero();

        viewport(390, 844);
        js("document.getElementById('test-connection').scrollIntoView({block: 'center'})");
        documentedScreenshot("camera-form-390x844");
        allowedConsoleErrors.add("/api/v1/cameras/test");
        assertNoConsoleErrors();
    }

    @Test
    void adminsReadTheAuditTrailFilterItAndExportIt() {
        Member admin = register("Audit Page Ltd");
        for (int i = 1; i <= 3; i++) {
            createCamera(admin, "Audited camera " + i);
        }
        Member manager = addMember(admin, Role.MANAGER);
        viewport(1440, 900);
        signIn(admin);
        navigate("#/audit");
        waitVisible(By.cssSelector("#audit-body tr"));
        assertThat(driver.findElement(By.id("audit-table")).getText()).contains("Added a camera").contains("Ada Admin");

        new Select(driver.findElement(By.name("action"))).selectByValue("camera_create");
        driver.findElement(By.cssSelector("#audit-filters button[type=submit]")).click();
        waitUntil(d -> d.findElements(By.cssSelector("#audit-body tr")).size() == 3
                && d.findElements(By.cssSelector("#audit-body td.audit-action:not([data-action=camera_create])")).isEmpty());
        assertThat(driver.findElement(By.id("audit-table")).getText()).contains("Audited camera 2");
        documentedScreenshot("audit-1440x900");

        // The export holds what the filters select, every page of it.
        js("window.savedFiles = []; const create = URL.createObjectURL;"
                + " URL.createObjectURL = (blob) => { blob.text().then((text) => window.savedFiles.push(text));"
                + " return create.call(URL, blob); };"
                + " const click = HTMLAnchorElement.prototype.click;"
                + " HTMLAnchorElement.prototype.click = function () { if (!this.download) click.call(this); };");
        driver.findElement(By.id("audit-export-csv")).click();
        waitUntil(d -> number(js("return window.savedFiles.length")) == 1);
        String csv = String.valueOf(js("return window.savedFiles[0]"));
        assertThat(csv.split("\\R")).hasSize(4);
        assertThat(csv).startsWith("id,created_at,user_id,user,action").contains("camera_create")
                .doesNotContain("user_create");

        // Filtered by person: the manager has only signed in.
        new Select(driver.findElement(By.name("action"))).selectByValue("");
        new Select(driver.findElement(By.name("user_id"))).selectByValue(manager.userId().toString());
        driver.findElement(By.cssSelector("#audit-filters button[type=submit]")).click();
        waitUntil(d -> !d.findElements(By.cssSelector("#audit-body tr")).isEmpty()
                && d.findElements(By.cssSelector("#audit-body td.audit-action:not([data-action=login])")).isEmpty());

        viewport(390, 844);
        // Each row is a card on a phone, each value beside its column's name.
        WebElement firstRow = waitVisible(By.cssSelector("#audit-body tr"));
        assertThat(firstRow.getRect().getWidth()).isLessThanOrEqualTo(390);
        assertThat(firstRow.findElement(By.cssSelector("td.audit-action")).getAttribute("data-label")).isEqualTo("What");
        js("document.getElementById('toasts').replaceChildren();"
                + " document.getElementById('audit-table').scrollIntoView({block: 'start'});");
        documentedScreenshot("audit-390x844");
        assertNoConsoleErrors();

        // Not for managers: no link, and the route falls back to the live wall.
        driver.get(base() + "/css/app.css");
        driver.manage().deleteAllCookies();
        js("localStorage.clear();");
        signIn(manager);
        assertThat(driver.findElement(By.cssSelector("#mainnav a[data-route=audit]")).isDisplayed()).isFalse();
        navigate("#/audit");
        waitUntil(d -> d.findElements(By.cssSelector("[data-page=live]")).size() == 1);
    }

    @Test
    void aViolationOpensInItsOwnViewFromThePanelAndTheList() {
        Member admin = register("Detail Ltd");
        UUID camera = createCamera(admin, "Scaffold");
        UUID eventId = data.event(admin.organizationId(), camera, ViolationType.NO_VEST, Instant.now());
        data.pictures(admin.organizationId(), eventId);
        Member other = register("Other Detail Ltd");
        UUID foreign = data.event(other.organizationId(), createCamera(other, "Elsewhere"), ViolationType.NO_HARDHAT,
                Instant.now());
        Member operator = addMember(admin, Role.OPERATOR);
        viewport(1440, 900);
        signIn(operator);

        waitVisible(By.cssSelector("#alert-list li[data-event-id='" + eventId + "'] a.event-link")).click();
        WebElement facts = waitVisible(By.id("event-facts"));
        assertThat(facts.getText()).contains("No hi-vis vest").contains("Scaffold").contains("87%").contains("Not yet");
        WebElement picture = driver.findElement(By.id("event-picture"));
        assertThat(picture.getAttribute("src")).endsWith("/api/v1/events/" + eventId + "/frame");
        long frameWidth = waitUntil(d -> {
            long width = (long) number(js("const img = arguments[0]; return img.complete ? img.naturalWidth : 0;",
                    picture));
            return width > 0 ? width : null;
        });
        long thumbnailWidth = (long) number(((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1]; const img = new Image();"
                        + " img.onload = () => done(img.naturalWidth); img.onerror = () => done(-1);"
                        + " img.src = '/api/v1/events/' + arguments[0] + '/thumbnail';", eventId.toString()));
        assertThat(frameWidth).as("the whole frame, not the thumbnail").isGreaterThan(thumbnailWidth)
                .isLessThanOrEqualTo(1280);
        assertThat(thumbnailWidth).isPositive();
        assertThat(driver.findElements(By.id("event-delete"))).as("operators do not delete").isEmpty();
        driver.findElement(By.id("event-acknowledge")).click();
        waitUntil(d -> d.findElement(By.id("event-ack")).getText().endsWith("by you"));
        assertThat(admin.client().get("/api/v1/events/" + eventId).json().path("acknowledged").asBoolean()).isTrue();
        js("window.scrollTo(0, 0);");
        documentedScreenshot("event-detail-1440x900");
        viewport(390, 844);
        waitUntil(d -> number(js("return arguments[0].getBoundingClientRect().right"
                + " <= document.documentElement.clientWidth ? 1 : 0;", picture)) == 1);
        documentedScreenshot("event-detail-390x844");

        navigate("#/events");
        waitVisible(By.cssSelector("#events-body tr[data-event-id='" + eventId + "'] a.event-link")).click();
        waitUntil(d -> d.findElement(By.id("event-facts")).getText().contains("Scaffold"));

        // Whoever acknowledged it is named to every role that reads the violation, not only to admins.
        Member manager = addMember(admin, Role.MANAGER);
        UUID byManager = data.event(admin.organizationId(), camera, ViolationType.NO_HARDHAT, Instant.now());
        HttpResult acknowledged = manager.client().post("/api/v1/events/" + byManager + "/acknowledge", null);
        assertThat(acknowledged.status()).as(acknowledged.toString()).isEqualTo(200);
        String year = String.valueOf(LocalDate.now().getYear());
        navigate("#/event/" + byManager);
        waitUntil(d -> d.findElement(By.id("event-ack")).getText().endsWith(" by Member manager"));
        assertThat(driver.findElement(By.id("event-ack")).getText()).as("when").contains(year);
        assertThat(driver.findElements(By.id("event-acknowledge"))).isEmpty();

        navigate("#/event/" + foreign);
        waitUntil(d -> d.findElement(By.cssSelector("main .error-box")).getText().contains("does not exist"));
        assertThat(driver.findElements(By.id("event-facts"))).isEmpty();
        allowedConsoleErrors.add("/api/v1/events/" + foreign);
        assertNoConsoleErrors();
    }

    // --- helpers ---

    /**
     * How far the camera's tile is from a picture of the web service's resources: the mean
     * difference of their colour values (0–255), both decoded by the browser; -1 while the tile
     * shows a picture of another size.
     */
    private double pictureDifference(UUID camera, String resource) {
        String expected;
        try (InputStream in = getClass().getResourceAsStream(resource)) {
            expected = Base64.getEncoder().encodeToString(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return number(((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + " const shown = document.querySelector(\".tile[data-camera-id='\" + arguments[0] + \"'] img\");"
                        + " const pixels = (img) => { const c = document.createElement('canvas');"
                        + " c.width = img.naturalWidth; c.height = img.naturalHeight; const g = c.getContext('2d');"
                        + " g.drawImage(img, 0, 0); return g.getImageData(0, 0, c.width, c.height).data; };"
                        + " const expected = new Image(); expected.onerror = () => done(-1);"
                        + " expected.onload = () => {"
                        + " if (shown.naturalWidth !== expected.naturalWidth"
                        + " || shown.naturalHeight !== expected.naturalHeight) { done(-1); return; }"
                        + " const a = pixels(shown); const b = pixels(expected); let sum = 0;"
                        + " for (let i = 0; i < a.length; i++) sum += Math.abs(a[i] - b[i]);"
                        + " done(sum / a.length); };"
                        + " expected.src = 'data:image/jpeg;base64,' + arguments[1];",
                camera.toString(), expected));
    }

    /** Sizes the window so that the page itself is width × height, as on a screen or phone of that size. */
    private void viewport(int width, int height) {
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, height));
        long shownWidth = (long) number(js("return window.innerWidth"));
        long shownHeight = (long) number(js("return window.innerHeight"));
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(
                (int) (2 * width - shownWidth), (int) (2 * height - shownHeight)));
    }

    /** A tile's width as a share of the wall's. */
    private double tileShare(UUID camera) {
        return number(js("const wall = document.getElementById('live-wall').clientWidth;"
                + " return document.querySelector(\".tile[data-camera-id='\" + arguments[0] + \"']\")"
                + ".getBoundingClientRect().width / wall;", camera.toString()));
    }

    private void signIn(Member member) {
        signIn(member.email());
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private void signIn(String email) {
        driver.get(base() + "/#/login");
        WebElement form = waitFor(By.id("login-form"));
        form.findElement(By.name("email")).sendKeys(email);
        form.findElement(By.name("password")).sendKeys(PASSWORD);
        form.findElement(By.cssSelector("button[type=submit]")).click();
        waitUntil(d -> !d.findElements(By.cssSelector("[data-page=live]")).isEmpty());
    }

    private void navigate(String hash) {
        js("location.hash = arguments[0];", hash);
        waitUntil(d -> !d.findElements(By.cssSelector("main .page")).isEmpty());
    }

    /** Waits up to 20 s, looking again when the page replaced an element it was reading. */
    private <T> T waitUntil(java.util.function.Function<? super WebDriver, T> condition) {
        return new WebDriverWait(driver, WAIT)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .ignoring(org.openqa.selenium.NoSuchElementException.class)
                .until(condition);
    }

    private WebElement waitFor(By by) {
        return waitUntil(ExpectedConditions.presenceOfElementLocated(by));
    }

    private WebElement waitVisible(By by) {
        return waitUntil(ExpectedConditions.visibilityOfElementLocated(by));
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    private static boolean between(double value, double min, double max) {
        return value >= min && value < max;
    }

    private static double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : -1;
    }

    private void publishViolation(Member member, UUID eventId) {
        HttpResult event = member.client().get("/api/v1/events/" + eventId);
        assertThat(event.status()).as(event.toString()).isEqualTo(200);
        EventView view = json.readValue(event.body(), EventView.class);
        bus.publishMessage(member.organizationId(), LiveMessage.violation(view, json).toJson(json));
    }

    private void screenshot(String name) {
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        try {
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A screenshot the README shows; copied there too when asked, so ordinary runs leave the sources alone. */
    private void documentedScreenshot(String name) {
        screenshot(name);
        if (Boolean.getBoolean("hardhats.docs-screenshots")) {
            try {
                Files.createDirectories(DOCUMENTED_SCREENSHOTS);
                Files.copy(SCREENSHOTS.resolve(name + ".png"), DOCUMENTED_SCREENSHOTS.resolve(name + ".png"),
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private void collectConsole() {
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
                consoleErrors.add(entry.getMessage());
            }
        }
    }

    private void assertNoConsoleErrors() {
        collectConsole();
        List<String> unexpected = consoleErrors.stream()
                .filter(message -> allowedConsoleErrors.stream().noneMatch(message::contains))
                .toList();
        assertThat(unexpected).as("severe browser console messages in " + testName).isEmpty();
    }

    /** A real JPEG, as a worker would publish: a site scene with a label. */
    private static byte[] jpeg(String label) {
        BufferedImage image = new BufferedImage(FRAME_WIDTH, 180, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(96, 125, 139));
        g.fillRect(0, 0, FRAME_WIDTH, 180);
        g.setColor(new Color(121, 85, 72));
        g.fillRect(0, 120, FRAME_WIDTH, 60);
        g.setColor(new Color(242, 169, 0));
        g.fillOval(140, 60, 30, 20);
        g.setColor(Color.GREEN);
        g.setStroke(new BasicStroke(2));
        g.drawRect(130, 55, 50, 90);
        g.setColor(Color.WHITE);
        g.drawString(label, 8, 16);
        g.dispose();
        return TestImages.jpeg(image);
    }
}
