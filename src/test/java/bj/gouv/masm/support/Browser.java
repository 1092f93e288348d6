package bj.gouv.masm.support;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven through the system chromedriver (never a downloaded browser).
 * Without Chromium and chromedriver the browser tests are skipped, loudly (a newcomer's first
 * {@code ./mvnw verify} passes); with {@code MASM_BROWSER_TESTS_REQUIRED=true} (set by .ci/run) their
 * absence is a failure, so CI always runs every browser test.
 * Screenshots go to target/screenshots (kept as build artefacts).
 */
public final class Browser {

    public static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private Browser() {
    }

    /** True when the environment demands the browser tests (CI): then a missing browser fails them. */
    static boolean browserRequired() {
        return Boolean.parseBoolean(System.getenv().getOrDefault("MASM_BROWSER_TESTS_REQUIRED", "false"));
    }

    public static WebDriver start() {
        return start("fr-FR");
    }

    /** A browser whose language is {@code lang} (e.g. "en-US" to check what an English browser gets). */
    public static WebDriver start(String lang) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String message = "Browser tests need Debian's chromium and chromium-driver (/usr/bin/chromium, "
                    + "/usr/bin/chromedriver): apt-get install chromium chromium-driver (.ci/run does it)";
            if (browserRequired()) {
                fail(message);
            }
            System.err.println("*** SKIPPED BROWSER TEST *** " + message);
            Assumptions.abort(message);
        }
        try {
            Path profile = Files.createTempDirectory("masm-chromium");
            ChromeOptions options = new ChromeOptions();
            options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", lang));
            options.setBinary(CHROMIUM.toFile());
            options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                    "--no-first-run", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--disable-dev-shm-usage", "--window-size=1400,1000", "--lang=" + lang,
                    "--user-data-dir=" + profile);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort()
                    .withEnvironment(java.util.Map.of("TZ", bj.gouv.masm.shared.MasmTimeZone.zone().getId())).build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().implicitlyWait(Duration.ZERO);
            return driver;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Logs in through Tasklist's login form; the returned wait (60 s) serves the rest of the test. */
    public static WebDriverWait logInToTasklist(WebDriver driver, String baseUrl, String user, String password) {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        driver.get(baseUrl + "/camunda/app/tasklist/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='username']")))
                .sendKeys(user);
        driver.findElement(By.cssSelector("input[ng-model='password']")).sendKeys(password);
        driver.findElement(By.cssSelector("form button[type='submit']")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("input[ng-model='password']")));
        return wait;
    }

    public static Path screenshot(WebDriver driver, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.write(target, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return target;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
