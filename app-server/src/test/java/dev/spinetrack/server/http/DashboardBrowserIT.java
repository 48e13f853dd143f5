package dev.spinetrack.server.http;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The dashboard in headless Chromium against the running server, fed by the real gateway
 * playing the simulator's studio scenario (two racks, a massage ball, a cat-cow ball) six times
 * faster than real time. Screenshots go to {@code target/screenshots}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserIT {

    private static final Duration LIVE = Duration.ofSeconds(60);

    /** A short program for the cat-cow ball: two sets of 3, then one of 2, counted from pitch. */
    private static final String TEST_PROGRAM = """
            id: quick-cat-cow
            name: Quick cat-cow (test)
            device: BALL
            steps:
              - {id: cat-cow, title: Cat-cow, kind: mobilize, repAxis: pitch, sets: 2, reps: 3, rest: 2}
              - {id: cat-cow-again, title: Cat-cow again, kind: mobilize, repAxis: pitch, sets: 1, reps: 2}
            """;

    private DashboardStack stack;
    private ChromeDriver driver;
    private String rack;
    private String busiestRegion;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        String missing = Browser.missing();
        assumeTrue(missing == null, () -> "browser tests skipped: " + missing);
        stack = new DashboardStack(dir, "studio", 6);
        driver = Browser.start(dir.resolve("chromium-profile"));
        stack.login(driver);
        rack = stack.deviceNamed("SpineTrack Rack 1", LIVE);
    }

    @AfterAll
    void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void heatMapAndGaugeFollowTheLiveStream() throws Exception {
        driver.get(stack.baseUrl + "/?device=" + rack + "#live");
        WebDriverWait wait = new WebDriverWait(driver, LIVE);
        wait.until(d -> totalDwell() > 0);

        Set<String> gaugeValues = new HashSet<>();
        long firstDwell = totalDwell();
        long lastDwell = firstDwell;
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < until && (gaugeValues.size() < 3 || lastDwell <= firstDwell)) {
            gaugeValues.add(driver.findElement(By.id("gauge")).getAttribute("data-pressure"));
            lastDwell = totalDwell();
            Thread.sleep(300);
        }
        assertTrue(gaugeValues.size() >= 3, "the gauge moved with live samples: " + gaugeValues);
        assertTrue(lastDwell > firstDwell, "dwell on the back map grew: " + firstDwell + " -> " + lastDwell);
        busiestRegion = busiest();
        assertTrue(driver.findElement(By.id("gauge-band")).getAttribute("data-high") != null, "the band is drawn");
        Browser.screenshot(driver, "live-desktop", 1280, 1000);
        Browser.screenshot(driver, "live-phone", 390, 844);
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));
    }

    @Test
    @Order(2)
    void aGuidedSessionStartedFromTheUiCountsRepsAndAdvances() throws Exception {
        String ball = stack.deviceNamed("SpineTrack Ball 2", LIVE);
        driver.get(stack.baseUrl + "/?device=" + ball + "#guide");
        WebDriverWait wait = new WebDriverWait(driver, LIVE);
        wait.until(d -> !d.findElements(By.cssSelector("#program-select option")).isEmpty());

        // Add the program through the page, as a user would.
        driver.findElement(By.cssSelector("#guide-start details summary")).click();
        WebElement upload = driver.findElement(By.id("program-upload"));
        upload.sendKeys(TEST_PROGRAM);
        driver.findElement(By.id("program-upload-btn")).click();
        wait.until(d -> "quick-cat-cow".equals(new Select(d.findElement(By.id("program-select")))
                .getFirstSelectedOption().getAttribute("value")));

        driver.findElement(By.id("guide-start-btn")).click();
        WebElement run = driver.findElement(By.id("guide-run"));
        wait.until(d -> "RUNNING".equals(run.getAttribute("data-state")));
        assertEquals("cat-cow", run.getAttribute("data-step-id"));

        WebElement reps = driver.findElement(By.id("guide-reps"));
        List<String> seen = new ArrayList<>();
        wait.withTimeout(Duration.ofSeconds(90)).until(d -> {
            String r = reps.getAttribute("data-reps") + "/" + reps.getAttribute("data-target") + "@"
                    + run.getAttribute("data-step-id");
            if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(r)) {
                seen.add(r);
            }
            return "1".equals(run.getAttribute("data-step-index"));
        });
        assertTrue(seen.stream().anyMatch(s -> s.startsWith("1/3@cat-cow")), "reps were counted: " + seen);
        assertTrue(seen.stream().anyMatch(s -> s.startsWith("2/3@cat-cow")), "reps were counted: " + seen);
        assertEquals("cat-cow-again", run.getAttribute("data-step-id"), "the session advanced to the next step");
        Browser.screenshot(driver, "guide-desktop", 1280, 1000);
        Browser.screenshot(driver, "guide-phone", 390, 844);
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));

        wait.until(d -> "FINISHED".equals(run.getAttribute("data-state")));
        String results = driver.findElement(By.id("guide-results")).getText();
        assertTrue(results.contains("Cat-cow: completed — reps 3, 3"), results);
        assertTrue(results.contains("Cat-cow again: completed — reps 2"), results);
    }

    @Test
    @Order(3)
    void historyChartsRenderFromTheApi() throws Exception {
        driver.get(stack.baseUrl + "/?device=" + rack + "#history");
        WebDriverWait wait = new WebDriverWait(driver, LIVE);
        wait.until(d -> !d.findElements(By.cssSelector("#session-list li[data-session]")).isEmpty());
        if (busiestRegion != null) {
            new Select(driver.findElement(By.id("chart-region"))).selectByValue(busiestRegion);
        }
        wait.until(d -> points("chart-dwell") > 0 && points("chart-pressure") > 0);
        assertTrue(driver.findElements(By.cssSelector("#chart-dwell rect.bar[data-value]")).size() >= 10,
                "a left and a right bar per segment");
        assertTrue(driver.findElements(By.cssSelector("#chart-pressure circle.pt")).size() >= 1);
        Browser.screenshot(driver, "history-desktop", 1280, 1000);
        Browser.screenshot(driver, "history-phone", 390, 844);
    }

    private long totalDwell() {
        long sum = 0;
        for (WebElement r : driver.findElements(By.cssSelector("#back-map rect.region"))) {
            sum += Long.parseLong(r.getAttribute("data-dwell-ms"));
        }
        return sum;
    }

    private String busiest() {
        String best = null;
        long max = 0;
        for (WebElement r : driver.findElements(By.cssSelector("#back-map rect.region"))) {
            long v = Long.parseLong(r.getAttribute("data-dwell-ms"));
            if (v > max) {
                max = v;
                best = r.getAttribute("data-region");
            }
        }
        return best;
    }

    private int points(String chart) {
        String v = driver.findElement(By.id(chart)).getAttribute("data-points");
        return v == null ? 0 : Integer.parseInt(v);
    }
}
