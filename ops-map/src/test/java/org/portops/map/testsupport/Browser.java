package org.portops.map.testsupport;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven through its chromedriver, never a downloaded browser. A test that needs it is
 * skipped (a JUnit assumption) on a machine without {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver}
 * ({@code ./portops test} installs them on Debian). The flags keep Chromium off the network this machine does
 * not have (background updates, sync, QUIC) and on a fresh profile.
 */
public final class Browser {

    public static final Path CHROMIUM = Path.of(System.getProperty("portops.chromium", "/usr/bin/chromium"));
    public static final Path CHROMEDRIVER = Path.of(System.getProperty("portops.chromedriver", "/usr/bin/chromedriver"));

    private Browser() {
    }

    public static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    /**
     * Skips the calling test where there is no browser. Called per test (in {@code @BeforeEach}), so every skipped
     * test is reported as skipped, with the reason.
     */
    public static void assumeAvailable() {
        assumeTrue(available(), "browser test skipped: needs Debian's chromium and chromium-driver (" + CHROMIUM + ", "
                + CHROMEDRIVER + "); ./portops test installs them");
    }

    public static ChromeDriver open(int width, int height) {
        assumeAvailable();
        Path profile;
        try {
            profile = Files.createTempDirectory("portops-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--disable-dev-shm-usage", "--window-size=" + width + "," + height,
                        "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    public static <T> T waitFor(WebDriver driver, Duration timeout, Function<WebDriver, T> condition) {
        // a panel re-rendered between finding an element and reading it is read again at the next poll
        return new WebDriverWait(driver, timeout, Duration.ofMillis(50))
                .ignoring(StaleElementReferenceException.class).until(condition::apply);
    }

    /** Writes a screenshot to the repository's docs/screenshots (linked from the README). */
    public static Path screenshot(ChromeDriver driver, String name) {
        Path dir = Path.of("").toAbsolutePath().getParent().resolve("docs").resolve("screenshots");
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(name);
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
