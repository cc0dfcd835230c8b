package io.hardhats.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import io.hardhats.events.ViolationType;
import io.hardhats.support.ApiTest;
import io.hardhats.support.TenantData;
import io.hardhats.users.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * The Notifications page in a real browser against the real web service: admins add a channel,
 * read its signing secret once, send a test and find it waiting in the delivery log; managers read
 * the channels and the log without controls; operators do not see the page. This server has no
 * SMTP settings, so the page says e-mail is off. The web service runs no dispatcher: a storm
 * summary and the alerts it holds are written as the worker writes them, and the page shows them.
 * A test delivered by a real dispatcher to a real receiver is hardhats-app's SendTestDeliveredTest.
 */
@TestPropertySource(properties = "hardhats.cookie-secure=false")
class NotificationsPageTest extends ApiTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /** A documentation address (TEST-NET-1): accepted by the address policy, never connected to by this web-only server. */
    private static final String WEBHOOK = "https://192.0.2.10/hooks/site-office-7f3a";

    private static HeadlessChromium browser;
    private static WebDriver driver;

    @Autowired
    TenantData data;

    @BeforeAll
    static void startBrowser() throws IOException {
        browser = HeadlessChromium.start(false);
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
    void freshBrowser() {
        driver.manage().window().setSize(new Dimension(1366, 900));
        driver.get(base() + "/css/app.css");
        driver.manage().deleteAllCookies();
        js("localStorage.clear();");
    }

    @Test
    void anAdminAddsAChannelSendsATestAndSeesItInTheDeliveryLog() {
        Member admin = register("Notify Builders");
        UUID camera = createCamera(admin, "North gate");
        signIn(admin.email());
        navigate("#/notifications");
        waitVisible(By.id("channels-table"));
        assertThat(waitVisible(By.id("email-not-configured")).getText()).contains("E-mail is not configured on this server");
        assertThat(driver.findElement(By.cssSelector("#channel-form select[name=kind] option[value=email]")).isEnabled())
                .isFalse();

        WebElement form = driver.findElement(By.id("channel-form"));
        new Select(form.findElement(By.name("kind"))).selectByValue("webhook");
        form.findElement(By.name("name")).sendKeys("Site office");
        form.findElement(By.name("target")).sendKeys(WEBHOOK);
        form.findElement(By.name("type_no_hardhat")).click();
        new Select(form.findElement(By.name("min_severity"))).selectByValue("high");
        form.findElement(By.cssSelector("button[type=submit]")).click();

        // The secret is shown once, the URL only masked.
        assertThat(waitVisible(By.id("signing-secret-value")).getText()).isNotBlank();
        WebElement row = waitVisible(By.xpath("//tbody[@id='channels-body']/tr[td[1][normalize-space()='Site office']]"));
        assertThat(row.findElement(By.cssSelector(".channel-target")).getText()).endsWith("7f3a")
                .doesNotContain("site-office");
        assertThat(row.getText()).contains("No hard hat").contains("high and above").contains("enabled");
        screenshot("notifications-added");

        // The test goes into the outbox; until a worker's dispatcher takes it, it waits.
        row.findElement(By.cssSelector(".channel-test")).click();
        WebElement delivery = waitVisible(By.cssSelector("#deliveries-body tr[data-delivery-id]"));
        assertThat(delivery.getText()).contains("Site office").contains("Test");
        assertThat(status(delivery)).isEqualTo("pending");
        delivery.findElement(By.cssSelector(".delivery-attempts")).click();
        assertThat(waitVisible(By.cssSelector("#deliveries-body .delivery-attempt-list")).getText())
                .contains("Not tried yet.");

        UUID channel = UUID.fromString(admin.client().get("/api/v1/notification-channels").json().path("channels")
                .get(0).path("id").asString());
        List<UUID> stormed = List.of(data.event(admin.organizationId(), camera, ViolationType.NO_HARDHAT, Instant.now()),
                data.event(admin.organizationId(), camera, ViolationType.NO_HARDHAT, Instant.now()));
        UUID summary = data.stormHeld(admin.organizationId(), channel, stormed);
        applyDeliveryFilter("");
        WebElement summaryRow = waitVisible(By.cssSelector("#deliveries-body tr[data-delivery-id='" + summary + "']"));
        assertThat(summaryRow.getText()).contains("Storm summary " + summary.toString().substring(0, 8));
        assertThat(status(summaryRow)).isEqualTo("pending");
        screenshot("notifications-delivery-log");

        // Alerts held back by storm control name the summary that carried them.
        applyDeliveryFilter("held");
        waitUntil(d -> d.findElements(By.cssSelector("#deliveries-body tr[data-delivery-id]")).size() == 2);
        assertThat(driver.findElements(By.cssSelector("#deliveries-body tr[data-delivery-id]"))).allSatisfy(held -> {
            assertThat(held.getText()).contains("Alert");
            assertThat(status(held)).isEqualTo("held");
            WebElement coveredBy = held.findElement(By.cssSelector(".delivery-covered-by"));
            assertThat(coveredBy.getAttribute("data-covered-by")).isEqualTo(summary.toString());
            assertThat(coveredBy.getText()).contains("in storm summary " + summary.toString().substring(0, 8));
        });
        applyDeliveryFilter("");

        row = driver.findElement(By.cssSelector("#channels-body tr"));
        row.findElement(By.cssSelector(".channel-toggle")).click();
        waitUntil(d -> d.findElement(By.cssSelector("#channels-body tr")).getText().contains("disabled"));

        driver.findElement(By.cssSelector("#channels-body .channel-edit")).click();
        WebElement name = form.findElement(By.name("name"));
        name.clear();
        name.sendKeys("Site office (nights)");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        waitUntil(d -> d.findElement(By.id("channels-body")).getText().contains("Site office (nights)"));
        // The target field was left empty: the stored URL stays.
        assertThat(driver.findElement(By.cssSelector("#channels-body .channel-target")).getText()).endsWith("7f3a");

        // Managers read channels and the log, and change nothing.
        Member manager = addMember(admin, Role.MANAGER);
        freshBrowser();
        signIn(manager.email());
        assertThat(driver.findElement(By.cssSelector("#mainnav a[data-route=notifications]")).isDisplayed()).isTrue();
        navigate("#/notifications");
        waitVisible(By.cssSelector("#channels-body tr"));
        waitVisible(By.cssSelector("#deliveries-body tr[data-delivery-id]"));
        assertThat(driver.findElements(By.id("channel-form"))).isEmpty();
        assertThat(driver.findElements(By.cssSelector(".channel-test, .channel-delete"))).isEmpty();
        assertThat(driver.findElement(By.cssSelector("[data-page=notifications]")).getText()).doesNotContain("null");
        screenshot("notifications-manager");

        freshBrowser();
        signIn(admin.email());
        navigate("#/notifications");
        waitVisible(By.cssSelector("#channels-body .channel-delete")).click();
        driver.switchTo().alert().accept();
        waitVisible(By.id("channels-empty"));
    }

    @Test
    void operatorsHaveNoNotificationsPage() {
        Member admin = register("Notify Operators");
        Member operator = addMember(admin, Role.OPERATOR);
        signIn(operator.email());
        assertThat(driver.findElement(By.cssSelector("#mainnav a[data-route=notifications]")).isDisplayed()).isFalse();
        navigate("#/notifications");
        waitUntil(d -> d.findElements(By.cssSelector("[data-page=live]")).size() == 1);
        assertThat(driver.findElements(By.id("channels-table"))).isEmpty();
    }

    @Test
    void aServerWithoutTheNotificationsApiIsSaidSoInWords() {
        Member admin = register("Notify Older Server");
        signIn(admin.email());
        // The server of an older version answers 404 for the notifications API.
        js("const real = window.fetch; window.fetch = (url, options) => String(url).includes('/api/v1/notification')"
                + " ? Promise.resolve(new Response('', { status: 404 })) : real(url, options);");
        navigate("#/notifications");
        WebElement error = waitVisible(By.cssSelector("[data-page=notifications] .error-box"));
        assertThat(error.getText()).contains("could not be loaded").contains("Not found");
        assertThat(driver.findElements(By.id("channel-form"))).isEmpty();
        screenshot("notifications-unavailable");
    }

    private static String status(WebElement delivery) {
        return delivery.findElement(By.cssSelector(".delivery-status")).getAttribute("data-status");
    }

    private void applyDeliveryFilter(String status) {
        new Select(driver.findElement(By.cssSelector("#delivery-filters select[name=status]"))).selectByValue(status);
        driver.findElement(By.cssSelector("#delivery-filters button[type=submit]")).click();
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private void signIn(String email) {
        driver.get(base() + "/#/login");
        WebElement form = waitUntil(ExpectedConditions.presenceOfElementLocated(By.id("login-form")));
        form.findElement(By.name("email")).sendKeys(email);
        form.findElement(By.name("password")).sendKeys(PASSWORD);
        form.findElement(By.cssSelector("button[type=submit]")).click();
        waitUntil(d -> !d.findElements(By.cssSelector("[data-page=live]")).isEmpty());
    }

    private void navigate(String hash) {
        js("location.hash = arguments[0];", hash);
        waitUntil(d -> !d.findElements(By.cssSelector("main .page")).isEmpty());
    }

    private <T> T waitUntil(Function<? super WebDriver, T> condition) {
        return new WebDriverWait(driver, WAIT).ignoring(StaleElementReferenceException.class)
                .ignoring(NoSuchElementException.class).until(condition);
    }

    private WebElement waitVisible(By by) {
        return waitUntil(ExpectedConditions.visibilityOfElementLocated(by));
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    private void screenshot(String name) {
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        try {
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
