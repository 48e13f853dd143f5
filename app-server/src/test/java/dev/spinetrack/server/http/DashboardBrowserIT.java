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
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The dashboard in headless Chromium against the running server, fed by the real gateway
 * playing the simulator's studio scenario (two racks, a massage ball, a cat-cow ball) six times
 * faster than real time. axe checks every view at desktop and phone size; screenshots go to
 * {@code target/screenshots}. Last, sessions started and stopped elsewhere and the gateway
 * stopping show on the page from its WebSockets alone, without a request.
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
        WebDriverWait wait = Browser.await(driver, LIVE, Duration.ofMillis(500));
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
        WebElement region = driver.findElement(By.id("map-" + busiestRegion));
        assertEquals("0", region.getAttribute("tabindex"), "map regions are reachable by keyboard");
        driver.executeScript("arguments[0].focus()", region);
        wait.until(d -> d.findElement(By.id("map-readout")).getText().contains("dwell"));
        assertEquals(10, driver.findElements(By.cssSelector("#map-table tbody tr")).size(), "the map as a table");
        checkAndShoot("live");
    }

    @Test
    @Order(2)
    void aGuidedSessionStartedFromTheUiCountsRepsAndAdvances() throws Exception {
        String ball = stack.deviceNamed("SpineTrack Ball 2", LIVE);
        driver.get(stack.baseUrl + "/?device=" + ball + "#guide");
        WebDriverWait wait = Browser.await(driver, LIVE, Duration.ofMillis(500));
        wait.until(d -> !d.findElements(By.cssSelector("#program-select option")).isEmpty());

        // Add the program through the page, as a user would.
        driver.findElement(By.cssSelector("#guide-start details summary")).click();
        WebElement upload = driver.findElement(By.id("program-upload"));
        upload.sendKeys(TEST_PROGRAM);
        driver.findElement(By.id("program-upload-btn")).click();
        wait.until(d -> "quick-cat-cow".equals(new Select(d.findElement(By.id("program-select")))
                .getFirstSelectedOption().getAttribute("value")));
        assertTrue(driver.findElement(By.id("program-upload-result")).getText().contains("selected it"));

        // The page records every count it shows: polling it from here, on a loaded machine, missed
        // whole sets (at 6x a set of three takes a few seconds).
        driver.executeScript("""
                window.repsSeen = [];
                const reps = document.getElementById('guide-reps');
                const run = document.getElementById('guide-run');
                new MutationObserver(() => {
                  const r = reps.dataset.reps + '/' + reps.dataset.target + '@' + run.dataset.stepId;
                  if (window.repsSeen[window.repsSeen.length - 1] !== r) window.repsSeen.push(r);
                }).observe(reps, {attributes: true});
                """);
        driver.findElement(By.id("guide-start-btn")).click();
        WebElement run = driver.findElement(By.id("guide-run"));
        wait.until(d -> "RUNNING".equals(run.getAttribute("data-state")));
        assertEquals("cat-cow", run.getAttribute("data-step-id"));

        wait.withTimeout(Duration.ofSeconds(90)).until(d -> "1".equals(run.getAttribute("data-step-index")));
        @SuppressWarnings("unchecked")
        List<String> seen = (List<String>) driver.executeScript("return window.repsSeen");
        // A count between 0 and the target must have shown.
        assertTrue(seen.stream().anyMatch(s -> s.startsWith("1/3@cat-cow") || s.startsWith("2/3@cat-cow")),
                "reps were counted: " + seen);
        assertEquals("cat-cow-again", run.getAttribute("data-step-id"), "the session advanced to the next step");
        checkAndShoot("guided-reps");

        WebElement summary = driver.findElement(By.id("guide-summary"));
        wait.until(d -> summary.isDisplayed());
        String results = driver.findElement(By.id("summary-steps")).getText();
        assertTrue(results.contains("Cat-cow: done — reps 3, 3"), results);
        assertTrue(results.contains("Cat-cow again: done — reps 2"), results);
    }

    @Test
    @Order(3)
    void historyTellsTheStoryOfTheSessions() throws Exception {
        driver.get(stack.baseUrl + "/?device=" + rack + "#history");
        WebDriverWait wait = Browser.await(driver, LIVE, Duration.ofMillis(500));
        wait.until(d -> !d.findElements(By.cssSelector("#session-list [data-session]")).isEmpty());
        WebElement first = driver.findElements(By.cssSelector("#session-list [data-session]")).get(0);
        assertTrue(first.getText().contains("Free session"), first.getText());
        if (busiestRegion != null) {
            new Select(driver.findElement(By.id("chart-region"))).selectByValue(busiestRegion);
        }
        wait.until(d -> points("chart-dwell") > 0 && points("chart-pressure") > 0);
        assertTrue(driver.findElements(By.cssSelector("#chart-dwell rect.bar[data-value]")).size() >= 10,
                "a left and a right bar per segment");
        assertTrue(driver.findElements(By.cssSelector("#chart-pressure circle.pt")).size() >= 1);
        assertTrue(driver.findElements(By.cssSelector("#table-pressure tbody tr")).size() >= 1, "the chart as a table");
        String csv = (String) driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                import('/export.js').then(m => done(m.csvText(document.getElementById('table-pressure'))));
                """);
        assertTrue(csv.startsWith("Date,Dwell,Mean"), csv);
        String svg = (String) driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                import('/export.js').then(m => done(m.svgText(document.getElementById('chart-pressure'))));
                """);
        assertTrue(svg.startsWith("<svg") && svg.contains("circle"), svg.substring(0, Math.min(200, svg.length())));
        driver.findElement(By.cssSelector("[data-span=week]")).click();
        wait.until(d -> "true".equals(d.findElement(By.cssSelector("[data-span=week]")).getAttribute("aria-pressed")));
        checkAndShoot("history");

        // The ball's history names the program run on it.
        String ball = stack.deviceNamed("SpineTrack Ball 2", LIVE);
        driver.get(stack.baseUrl + "/?device=" + ball + "#history");
        wait.until(d -> d.findElements(By.cssSelector("#session-list [data-session]")).stream()
                .anyMatch(e -> e.getText().contains("Quick cat-cow (test)")));
    }

    @Test
    @Order(4)
    void theWeeklyPlanShowsPlannedAndDoneDaysAndWarnsAboutBackToBackStrengthening() throws Exception {
        driver.get(stack.baseUrl + "/?device=" + rack + "#plan");
        WebDriverWait wait = Browser.await(driver, LIVE, Duration.ofMillis(500));
        wait.ignoring(StaleElementReferenceException.class); // the table is drawn again when data arrives
        wait.until(d -> !d.findElements(By.cssSelector("#plan-table td[data-activity=massage].done")).isEmpty());
        wait.until(d -> d.findElement(By.cssSelector("#plan-table th[aria-current=date]")).isDisplayed());
        assertFalse(driver.findElement(By.id("plan-warning")).isDisplayed(), "Mon, Wed, Fri: no warning");
        wait.until(d -> {
            d.findElement(By.cssSelector("#plan-table tr[data-day='1'] td[data-activity=strengthen] input")).click();
            return true;
        });
        WebElement warning = driver.findElement(By.id("plan-warning"));
        wait.until(d -> warning.isDisplayed());
        assertTrue(warning.getText().contains("Monday and Tuesday"), warning.getText());
        assertTrue(warning.getText().contains("Tuesday and Wednesday"), warning.getText());
        checkAndShoot("plan");
        wait.until(d -> {
            d.findElement(By.cssSelector("#plan-table tr[data-day='1'] td[data-activity=strengthen] input")).click();
            return true;
        });
        wait.until(d -> !warning.isDisplayed());
        new Select(driver.findElement(By.id("plan-level"))).selectByValue("advanced");
        assertTrue(driver.findElement(By.id("plan-exercises")).getText().contains("Deadlift"));
    }

    @Test
    @Order(5)
    void sessionsAndDeviceStatusArriveOnTheSocketsWithoutPolling() throws Exception {
        driver.get(stack.baseUrl + "/?device=" + rack + "#live");
        WebDriverWait wait = Browser.await(driver, LIVE, Duration.ofMillis(100));
        wait.until(d -> "SpineTrack Rack 1: connected".equals(d.findElement(By.id("status-state")).getText()));
        // From now on: every state the session line and the device status show, and the page's requests.
        driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                window.seen = [];
                const session = document.getElementById('live-session');
                const device = document.getElementById('device-status');
                const record = () => window.seen.push('session ' + session.dataset.state + ' ' + session.dataset.session,
                  'device ' + device.dataset.state + ' ' + document.getElementById('status-state').textContent);
                const all = {attributes: true, childList: true, characterData: true, subtree: true};
                new MutationObserver(record).observe(session, all);
                new MutationObserver(record).observe(device, all);
                import('/shared.js').then(m => { m.traffic.reset(); done(); });
                """);
        long from = System.nanoTime();

        // Someone else (a script, here the API) starts and stops a session on the rack.
        DashboardStack.Reply started = stack.post("/api/sessions", "{\"device\":\"" + rack + "\"}", "application/json", null);
        assertEquals(201, started.status(), started.body()::toString);
        long session = started.body().path("id").asLong();
        wait.until(d -> seen().contains("session running " + session));
        DashboardStack.Reply stopped = stack.post("/api/sessions/" + session + "/stop", "", "application/json", null);
        assertEquals(200, stopped.status(), stopped.body()::toString);
        wait.until(d -> seen().contains("session ended " + session));

        // The gateway stops: it reports its devices switched off.
        stack.stopGateway();
        wait.until(d -> seen().stream().anyMatch(s -> s.equals("device OFFLINE SpineTrack Rack 1: switched off")));

        // The page used to ask every 2 s and every 5 s: give it longer than that to ask anything.
        long leftMs = 6_000 - Duration.ofNanos(System.nanoTime() - from).toMillis();
        if (leftMs > 0) {
            Thread.sleep(leftMs);
        }
        String asked = (String) driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                import('/shared.js').then(m => done(m.traffic.total + ' ' + JSON.stringify(m.traffic.byPath)));
                """);
        assertEquals("0 {}", asked, "the page learnt all of it from its sockets and asked the server nothing");
    }

    @SuppressWarnings("unchecked")
    private List<String> seen() {
        return (List<String>) driver.executeScript("return window.seen");
    }

    /** axe at desktop and phone size, touch targets at phone size, and a screenshot at each. */
    private void checkAndShoot(String name) throws Exception {
        for (int[] size : Browser.SIZES) {
            Browser.viewport(driver, size[0], size[1]);
            Axe.check(driver, name + " at " + size[0] + "x" + size[1]);
            if (size[0] < 700) {
                assertEquals(List.of(), Browser.smallTargets(driver), "touch targets of " + name + " at phone size");
            }
            Browser.screenshot(driver, name + "-" + (size[0] > 700 ? "desktop" : "phone"), size[0], size[1]);
        }
        Browser.viewport(driver, 1400, 900);
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
