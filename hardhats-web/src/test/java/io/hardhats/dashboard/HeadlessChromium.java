package io.hardhats.dashboard;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.logging.Level;

import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's Chromium, headless, driven through the installed chromedriver (so Selenium Manager
 * never looks for one online), with a fresh profile that is deleted on close. Runs as root too
 * ({@code --no-sandbox}).
 */
public final class HeadlessChromium implements AutoCloseable {

    private final ChromeDriverService service;
    private final ChromeDriver driver;
    private final Path profile;

    private HeadlessChromium(ChromeDriverService service, ChromeDriver driver, Path profile) {
        this.service = service;
        this.driver = driver;
        this.profile = profile;
    }

    /** @param recordConsole keep the browser console for {@code driver.manage().logs()} */
    public static HeadlessChromium start(boolean recordConsole) throws IOException {
        File chromedriver = new File(System.getProperty("hardhats.chromedriver", "/usr/bin/chromedriver"));
        File chromium = new File("/usr/lib/chromium/chromium").canExecute() ? new File("/usr/lib/chromium/chromium")
                : new File("/usr/bin/chromium");
        System.setProperty("webdriver.chrome.driver", chromedriver.getAbsolutePath());
        Path profile = Files.createTempDirectory("hardhats-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--no-default-browser-check", "--window-size=1366,900", "--user-data-dir=" + profile);
        if (recordConsole) {
            LoggingPreferences logging = new LoggingPreferences();
            logging.enable(LogType.BROWSER, Level.ALL);
            options.setCapability("goog:loggingPrefs", logging);
        }
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver)
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return new HeadlessChromium(service, driver, profile);
    }

    public WebDriver driver() {
        return driver;
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        service.stop();
        try (var paths = Files.walk(profile)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
