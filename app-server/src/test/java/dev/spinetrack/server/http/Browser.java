package dev.spinetrack.server.http;

import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Debian's headless Chromium driven through Debian's chromedriver, with nothing downloaded:
 * both paths are given, so Selenium Manager has nothing to look up.
 */
final class Browser {

    static final Path CHROMIUM = Path.of(System.getProperty("spinetrack.it.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("spinetrack.it.chromedriver", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private Browser() {
    }

    /** Why browser tests cannot run here, or null when they can. */
    static String missing() {
        if (!Files.isExecutable(CHROMIUM)) {
            return CHROMIUM + " is missing (apt-get install chromium)";
        }
        if (!Files.isExecutable(CHROMEDRIVER)) {
            return CHROMEDRIVER + " is missing (apt-get install chromium-driver)";
        }
        return null;
    }

    static ChromeDriver start(Path profileDir) {
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--user-data-dir=" + profileDir.toAbsolutePath(), "--window-size=1400,900");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    /** Desktop and phone sizes every view is checked and shot at. */
    /**
     * A wait that polls {@code every} and treats an element the page replaced while it was being
     * read as "not yet": the dashboard re-renders lists (programs, sessions) on every event, so
     * on a loaded machine a condition can hold an element that is gone a moment later.
     */
    static WebDriverWait await(WebDriver driver, Duration timeout, Duration every) {
        WebDriverWait wait = new WebDriverWait(driver, timeout, every);
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    static final int[][] SIZES = {{1400, 900}, {390, 844}};

    /** Makes the viewport exactly width x height CSS pixels. */
    static void viewport(ChromeDriver driver, int width, int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                "deviceScaleFactor", 1, "mobile", false));
    }

    /**
     * Saves the whole page (not only the viewport) at the given viewport width as
     * {@code target/screenshots/<name>.png}.
     */
    static Path screenshot(ChromeDriver driver, String name, int width, int height) throws IOException {
        viewport(driver, width, height);
        Files.createDirectories(SCREENSHOTS);
        Object full = driver.executeScript("return Math.max(document.documentElement.scrollHeight, document.body.scrollHeight)");
        long pageHeight = Math.max(height, ((Number) full).longValue());
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", width, "height", pageHeight, "scale", 1)));
        Path target = SCREENSHOTS.resolve(name + ".png");
        Files.write(target, Base64.getDecoder().decode((String) shot.get("data")));
        return target;
    }

    /**
     * Visible controls smaller than 44 x 44 CSS pixels (a checkbox counts with its label), as
     * "selector-ish description: w x h"; for touch layouts.
     */
    @SuppressWarnings("unchecked")
    static List<String> smallTargets(ChromeDriver driver) {
        return (List<String>) driver.executeScript("""
                const out = [];
                for (const e of document.querySelectorAll('button, select, summary, input, textarea, [role=tab], [tabindex="0"]')) {
                  const t = e.type === 'checkbox' && e.closest('label') ? e.closest('label') : e;
                  const r = t.getBoundingClientRect();
                  if (!r.width || !r.height || getComputedStyle(t).visibility === 'hidden') continue;
                  if (e.closest('[hidden], details:not([open]) > :not(summary)')) continue;
                  if (r.width < 43.5 || r.height < 43.5) {
                    const name = (e.textContent || e.getAttribute('aria-label') || '').trim().slice(0, 30);
                    out.push(`${e.tagName.toLowerCase()}#${e.id || ''}[${name}]: ${Math.round(r.width)}x${Math.round(r.height)}`);
                  }
                }
                return out;
                """);
    }
}
