package io.rollcall.it.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium (Debian's {@code chromium} driven by its {@code chromium-driver}, never a downloaded browser)
 * with a fresh profile. Where they live: system properties {@code rollcall.it.chromium} and
 * {@code rollcall.it.chromedriver}, else {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver}. Without them
 * the test is skipped, except under {@code CI=true}, where it fails. Waits are {@code rollcall.it.browserWaitSeconds}
 * (default 30).
 */
final class ConsoleBrowser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
    private static final String AXE = readAxe();

    final ChromeDriver driver;
    final WebDriverWait wait;
    private final Path profile;

    private ConsoleBrowser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(Long.getLong("rollcall.it.browserWaitSeconds", 30)));
        // The console re-renders tables after each call: an element found a moment ago may be replaced; look again.
        this.wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    }

    /** Skips (or fails under CI=true) when Chromium or its driver is missing. */
    static void assumeInstalled() {
        boolean present = Files.isExecutable(chromium()) && Files.isExecutable(chromedriver());
        if (!present && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("CI=true needs " + chromium() + " and " + chromedriver()
                    + " (apt-get install chromium chromium-driver; .ci/run does it)");
        }
        Assumptions.assumeTrue(present, "no Chromium at " + chromium() + ": console browser tests skipped");
    }

    static ConsoleBrowser open(int width) {
        try {
            Path profile = Files.createTempDirectory("rollcall-chromium-");
            ChromeOptions options = new ChromeOptions()
                    .setBinary(chromium().toFile())
                    .addArguments(
                            "--headless=new",
                            "--no-sandbox",
                            "--disable-gpu",
                            "--disable-dev-shm-usage",
                            "--disable-background-networking",
                            "--disable-component-update",
                            "--disable-sync",
                            "--no-first-run",
                            "--user-data-dir=" + profile,
                            "--window-size=" + width + ",900",
                            "--lang=en-US");
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(chromedriver().toFile())
                    .usingAnyFreePort()
                    .build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().window().setSize(new Dimension(width, 900));
            return new ConsoleBrowser(driver, profile);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    WebElement waitFor(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    void click(By by) {
        wait.until(ExpectedConditions.elementToBeClickable(by)).click();
    }

    void waitForText(By by, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(by, text));
    }

    /** Waits until no admin API call is running (the console's progress indicator is empty). */
    void settle() {
        wait.until(d -> "false".equals(d.findElement(By.tagName("body")).getAttribute("aria-busy")));
    }

    /** Saves a PNG of the viewport as target/console-screenshots/{name}.png. */
    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Runs axe-core (WCAG 2.x A/AA rules) on the current page and asserts there is no serious or critical violation.
     * The script is evaluated through the DevTools protocol, which the page's CSP does not govern.
     */
    @SuppressWarnings("unchecked")
    void assertAccessible(String page) {
        // The console marks its calls with aria-busy; the server-rendered pages (/login, /invite) make none.
        if (driver.findElement(By.tagName("body")).getAttribute("aria-busy") != null) {
            settle();
        }
        driver.executeScript(AXE);
        Object result = ((JavascriptExecutor) driver)
                .executeAsyncScript("const done = arguments[arguments.length - 1];"
                        + "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations.map(v =>"
                        + " ({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.target.join(' '))}))))"
                        + ".catch(e => done([{id: 'axe-error', impact: 'critical', help: String(e), nodes: []}]));");
        List<Map<String, Object>> violations = (List<Map<String, Object>>) result;
        List<Map<String, Object>> serious = violations.stream()
                .filter(v -> "serious".equals(v.get("impact")) || "critical".equals(v.get("impact")))
                .toList();
        assertThat(serious)
                .as("serious or critical axe-core violations on " + page)
                .isEmpty();
    }

    private static Path chromium() {
        return Path.of(System.getProperty("rollcall.it.chromium", "/usr/bin/chromium"));
    }

    private static Path chromedriver() {
        return Path.of(System.getProperty("rollcall.it.chromedriver", "/usr/bin/chromedriver"));
    }

    private static String readAxe() {
        try (InputStream in = ConsoleBrowser.class.getResourceAsStream("/axe-core/axe.min.js")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("axe-core/axe.min.js is missing from the test resources", e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a leftover temp profile is harmless
            }
        }
    }
}
