package io.hardhats.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import io.hardhats.HardhatsApplication;
import io.hardhats.TestDatabase;
import io.hardhats.dashboard.HeadlessChromium;
import io.hardhats.support.ApiClient;
import io.hardhats.support.HttpResult;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * "Send test" all the way, in one all-in-one process, whose dispatcher runs beside the web: an
 * admin adds a webhook channel on the Notifications page in headless Chromium, presses Send
 * test, and the delivery log shows the attempt the dispatcher recorded when a real receiver (on
 * 127.0.0.1, which all-in-one mode may call) accepted the signed message. The fleet is off: no
 * camera is needed for a test message.
 */
@SpringBootTest(classes = HardhatsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"hardhats.role=all", "hardhats.fleet.enabled=false", "hardhats.cookie-secure=false",
                "hardhats.secret-key=test-only-signing-key-0123456789-abcdefghij",
                "hardhats.encryption-key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="})
class SendTestDeliveredTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String PASSWORD = "Correct-Horse-7";

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("hardhats.database-url", TestDatabase::url);
        registry.add("hardhats.demo.video", () -> "/nonexistent/no-demo-camera.mp4");
    }

    @Test
    void aWebhookAddedInTheBrowserGetsTheTestAndTheLogShowsItDelivered() throws Exception {
        String email = "send-test-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        HttpResult registered = new ApiClient(port).post("/api/v1/auth/register", Map.of("organization_name",
                "Send Test Builders", "email", email, "password", PASSWORD, "full_name", "Tess"));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);

        try (VerifyingWebhookReceiver receiver = new VerifyingWebhookReceiver();
                HeadlessChromium chromium = HeadlessChromium.start(false)) {
            WebDriver driver = chromium.driver();
            signIn(driver, email);
            ((JavascriptExecutor) driver).executeScript("location.hash = '#/notifications';");
            WebElement form = waitUntil(driver, ExpectedConditions.visibilityOfElementLocated(By.id("channel-form")));
            new Select(form.findElement(By.name("kind"))).selectByValue("webhook");
            form.findElement(By.name("name")).sendKeys("Site office");
            form.findElement(By.name("target")).sendKeys(receiver.url("site-office"));
            form.findElement(By.cssSelector("button[type=submit]")).click();
            receiver.secret("site-office", waitUntil(driver,
                    ExpectedConditions.visibilityOfElementLocated(By.id("signing-secret-value"))).getText());

            waitUntil(driver, ExpectedConditions.visibilityOfElementLocated(
                    By.xpath("//tbody[@id='channels-body']/tr[td[1][normalize-space()='Site office']]")))
                    .findElement(By.cssSelector(".channel-test")).click();
            String deliveryId = waitUntil(driver, ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("#deliveries-body tr[data-delivery-id]"))).getAttribute("data-delivery-id");

            // The page shows the log as it was loaded: reload it until the dispatcher's outcome is there.
            By delivered = By.cssSelector("#deliveries-body tr[data-delivery-id='" + deliveryId + "']"
                    + " .delivery-status[data-status=delivered]");
            waitUntil(driver, d -> {
                d.findElement(By.cssSelector("#delivery-filters button[type=submit]")).click();
                return !d.findElements(delivered).isEmpty();
            });
            WebElement row = driver.findElement(By.cssSelector("#deliveries-body tr[data-delivery-id='" + deliveryId
                    + "']"));
            assertThat(row.getText()).contains("Site office").contains("Test").contains("delivered · HTTP 200");
            row.findElement(By.cssSelector(".delivery-attempts")).click();
            assertThat(waitUntil(driver, ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("#deliveries-body .delivery-attempt"))).getText())
                    .contains("delivered · HTTP 200 · ok");

            assertThat(receiver.requests()).singleElement().satisfies(request -> {
                assertThat(request.channel()).isEqualTo("site-office");
                assertThat(request.accepted()).isTrue();
                assertThat(request.signed()).as("signed with the secret the page showed").isTrue();
                assertThat(request.type()).isEqualTo("test");
                assertThat(request.key()).isEqualTo(deliveryId).isEqualTo(request.id());
            });
        }
    }

    private void signIn(WebDriver driver, String email) {
        driver.get("http://localhost:" + port + "/#/login");
        WebElement form = waitUntil(driver, ExpectedConditions.presenceOfElementLocated(By.id("login-form")));
        form.findElement(By.name("email")).sendKeys(email);
        form.findElement(By.name("password")).sendKeys(PASSWORD);
        form.findElement(By.cssSelector("button[type=submit]")).click();
        waitUntil(driver, ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-page=live]")));
    }

    private static <T> T waitUntil(WebDriver driver, Function<? super WebDriver, T> condition) {
        return new WebDriverWait(driver, WAIT).ignoring(StaleElementReferenceException.class)
                .ignoring(NoSuchElementException.class).until(condition);
    }
}
