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
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The guided screen in headless Chromium, driven by a ball whose pressure the test scenario
 * scripts (too light, in the band, too hard, off the back; see {@code browser/guided-screen.yaml})
 * through the real gateway, broker and server: the cue follows the pressure, the session pauses
 * without contact, the spot moves on with a prompt to rate the finished one, "End session" asks
 * first and leads to a summary, and "Start again" starts the program again. Then device
 * switching. axe checks every state at desktop and phone size; screenshots go to
 * {@code target/screenshots}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GuidedScreenBrowserIT {

    private static final Duration LIVE = Duration.ofSeconds(60);
    private static final String PROGRAM = """
            id: two-spots
            name: Two spots (test)
            device: BALL
            steps:
              - {id: spots, title: Massage two spots, kind: massage, regions: [UPPER_THORACIC_LEFT, MID_THORACIC_LEFT],
                 duration: 300, band: {low: 18, high: 32, unit: kPa}, dwellTarget: 8}
            """;

    private DashboardStack stack;
    private ChromeDriver driver;
    private String ball;
    private String rack;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        String missing = Browser.missing();
        assumeTrue(missing == null, () -> "browser tests skipped: " + missing);
        Path scenario = dir.resolve("guided-screen.yaml");
        try (InputStream in = getClass().getResourceAsStream("/browser/guided-screen.yaml")) {
            Files.copy(in, scenario);
        }
        stack = new DashboardStack(dir, scenario.toString(), 1);
        driver = Browser.start(dir.resolve("chromium-profile"));
        stack.login(driver);
        ball = stack.deviceNamed("Test Ball", LIVE);
        rack = stack.deviceNamed("Test Rack", LIVE);
        DashboardStack.Reply added = stack.post("/api/programs", PROGRAM, "application/yaml", null);
        assertEquals(201, added.status(), () -> "program added: " + added.body());
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
    void theGuidedFlowFromStartToStartAgain() throws Exception {
        driver.get(stack.baseUrl + "/?device=" + ball + "#guide");
        WebDriverWait wait = Browser.await(driver, LIVE, Duration.ofMillis(150));
        wait.until(d -> !d.findElements(By.cssSelector("#program-select option[value=two-spots]")).isEmpty());
        new Select(driver.findElement(By.id("program-select"))).selectByValue("two-spots");
        Axe.check(driver, "the guided view before a start (desktop)");
        driver.findElement(By.id("guide-start-btn")).click();
        WebElement run = driver.findElement(By.id("guide-run"));
        wait.until(d -> "RUNNING".equals(run.getAttribute("data-state")));
        assertEquals("UPPER_THORACIC_LEFT", run.getAttribute("data-spot"));

        // Follow the cue while the scripted ball goes through its phases, until the spot moves on.
        WebElement cue = driver.findElement(By.id("guide-cue"));
        WebElement meter = driver.findElement(By.id("guide-meter"));
        Set<String> cues = new HashSet<>();
        List<String> cueChanges = new ArrayList<>();
        boolean[] pausedSeen = {false};
        boolean[] heldTimer = {false};
        String[] transition = {null, null};
        // "End session…" must stay where the finger is while banners and the rating question come and go.
        String stopAt = onScreen(driver, "guide-stop");
        List<String> stopMoved = new ArrayList<>();
        wait.withTimeout(Duration.ofSeconds(120)).until(d -> {
            String now = onScreen(driver, "guide-stop");
            if (!now.equals(stopAt) && stopMoved.size() < 5) {
                stopMoved.add(now + " (cue " + cue.getAttribute("data-cue") + ")");
            }
            String c = cue.getAttribute("data-cue");
            String p = meter.getAttribute("data-pressure");
            if (c != null && !c.isEmpty() && (cueChanges.isEmpty() || !cueChanges.get(cueChanges.size() - 1).startsWith(c))) {
                cueChanges.add(c + "@" + p);
            }
            if (c != null && !c.isEmpty() && p != null && !p.isEmpty()) {
                double pressure = Double.parseDouble(p);
                // The cue is judged on a 2.5 s window: only count it where the pressure agrees.
                if ("HARDER".equals(c) && pressure < 18 || "LIGHTER".equals(c) && pressure > 32
                        || "IN_ZONE".equals(c) && pressure >= 18 && pressure <= 32) {
                    cues.add(c);
                }
            }
            if ("NO_CONTACT".equals(c) && d.findElement(By.id("guide-pause")).isDisplayed()) {
                pausedSeen[0] = true;
                heldTimer[0] |= "Paused".equals(d.findElement(By.id("guide-timer")).getText());
            }
            if ("MID_THORACIC_LEFT".equals(run.getAttribute("data-spot")) && transition[0] == null) {
                // The moment of the first spot change, before the next one (8 s of contact later) replaces it.
                WebElement banner = d.findElement(By.id("guide-transition"));
                transition[0] = banner.isDisplayed() ? banner.getText() : "(no banner)";
                transition[1] = d.findElement(By.id("mini-MID_THORACIC_LEFT")).getAttribute("class");
            }
            // Wait for the timer to say so too: it is drawn a moment after the pause banner.
            return cues.size() == 3 && pausedSeen[0] && heldTimer[0] && transition[0] != null;
        });
        assertEquals(List.of(), stopMoved, "End session… moved from " + stopAt);
        assertTrue(heldTimer[0], "the timer says it is paused while the ball is off the back");
        assertTrue(cueChanges.size() < 30, "the cue does not flicker: " + cueChanges);
        assertEquals("Upper thoracic, left done — move to mid thoracic left", transition[0]);
        assertTrue(transition[1].contains("focus"), "the new spot is highlighted on the small map: " + transition[1]);
        WebElement rate = driver.findElement(By.id("guide-rate"));
        assertTrue(rate.isDisplayed(), "asked to rate the finished spot (and asked first about the first one)");
        assertTrue(rate.getText().contains("Upper thoracic, left"), rate.getText());
        assertTrue(driver.findElement(By.id("guide-zone")).getText().matches("(\\d+ % of the time in zone on this spot)?"),
                driver.findElement(By.id("guide-zone")).getText());
        @SuppressWarnings("unchecked")
        List<String> spoken = (List<String>) driver.executeScript("return window.spinetrack.guide.say.spoken");
        assertTrue(spoken.contains("Upper thoracic, left done — move to mid thoracic left"), "said out loud: " + spoken);
        assertTrue(spoken.stream().anyMatch(s -> s.startsWith("Paused. Place the ball")), "said out loud: " + spoken);
        for (int[] size : Browser.SIZES) {
            Browser.viewport(driver, size[0], size[1]);
            Axe.check(driver, "the guided screen during a spot at " + size[0] + "x" + size[1]);
            Browser.screenshot(driver, "guided-spot-" + (size[0] > 700 ? "desktop" : "phone"), size[0], size[1]);
        }
        assertEquals(List.of(), Browser.smallTargets(driver), "touch targets at phone size");
        Browser.viewport(driver, 1400, 900);
        // Later spot changes wait behind the open question, so it is still about the first spot.
        rate.findElement(By.cssSelector("button[data-value='3']")).click();
        wait.until(d -> d.findElement(By.id("rate-msg")).getText().startsWith("Saved: Upper thoracic, left 3/10"));
        // The answered question closes a moment later; the controls do not move, even for someone
        // scrolled to the end of the page (which a shorter page would scroll back).
        driver.executeScript("window.scrollTo(0, document.documentElement.scrollHeight)");
        String beforeClose = onScreen(driver, "guide-stop");
        wait.until(d -> !rate.isDisplayed() || !rate.getText().contains("Upper thoracic, left"));
        assertEquals(beforeClose, onScreen(driver, "guide-stop"), "End session… stays put when the question closes");

        // End session asks first; "Keep going" keeps it running.
        driver.findElement(By.id("guide-stop")).click();
        WebElement dialog = driver.findElement(By.id("end-dialog"));
        wait.until(d -> dialog.isDisplayed());
        driver.findElement(By.id("end-cancel")).click();
        wait.until(d -> !dialog.isDisplayed());
        assertEquals("RUNNING", run.getAttribute("data-state"));
        driver.findElement(By.id("guide-stop")).click();
        wait.until(d -> dialog.isDisplayed());
        driver.findElement(By.id("end-confirm")).click();
        WebElement summary = driver.findElement(By.id("guide-summary"));
        wait.until(d -> summary.isDisplayed());
        String facts = driver.findElement(By.id("summary-facts")).getText();
        assertTrue(facts.contains("Upper thoracic, left 3/10"), facts);
        assertTrue(driver.findElement(By.id("summary-title")).getText().startsWith("Two spots (test)"));
        for (int[] size : Browser.SIZES) {
            Browser.viewport(driver, size[0], size[1]);
            Axe.check(driver, "the summary card at " + size[0] + "x" + size[1]);
            Browser.screenshot(driver, "guided-summary-" + (size[0] > 700 ? "desktop" : "phone"), size[0], size[1]);
        }
        Browser.viewport(driver, 1400, 900);
        String firstGuide = summary.getAttribute("data-guide");

        driver.findElement(By.id("summary-again")).click();
        wait.until(d -> run.isDisplayed() && "RUNNING".equals(run.getAttribute("data-state")));
        assertFalse(summary.isDisplayed());
        assertEquals("Two spots (test)", driver.findElement(By.id("guide-program")).getText());
        assertEquals("UPPER_THORACIC_LEFT", run.getAttribute("data-spot"), "started again from the first spot");
        assertFalse(firstGuide.isEmpty());
        driver.findElement(By.id("guide-stop")).click();
        wait.until(d -> dialog.isDisplayed());
        driver.findElement(By.id("end-confirm")).click();
        wait.until(d -> summary.isDisplayed());
        assertFalse(firstGuide.equals(summary.getAttribute("data-guide")), "a new guided session ran");
    }

    @Test
    @Order(2)
    void switchingDeviceDropsEverythingOfThePreviousOne() throws Exception {
        driver.get(stack.baseUrl + "/?device=" + ball + "#guide");
        WebDriverWait wait = Browser.await(driver, LIVE, Duration.ofMillis(150));
        WebElement summary = driver.findElement(By.id("guide-summary"));
        wait.until(d -> d.findElement(By.id("status-state")).getText().startsWith("Test Ball"));
        new Select(driver.findElement(By.id("device-select"))).selectByValue(rack);
        wait.until(d -> d.findElement(By.id("status-state")).getText().startsWith("Test Rack"));
        assertFalse(summary.isDisplayed(), "the ball's summary is gone");
        assertFalse(driver.findElement(By.id("guide-run")).isDisplayed());
        assertTrue(driver.findElement(By.id("guide-start")).isDisplayed());
        assertTrue(driver.getCurrentUrl().contains("device=" + rack), driver.getCurrentUrl());
        wait.until(d -> new Select(d.findElement(By.id("program-select"))).getFirstSelectedOption().getText()
                .toLowerCase().contains("rack"));

        // Keyboard: the tabs follow the ARIA tab pattern.
        WebElement guideTab = driver.findElement(By.id("tab-guide"));
        guideTab.sendKeys(Keys.ARROW_RIGHT);
        WebElement historyTab = driver.findElement(By.id("tab-history"));
        wait.until(d -> "true".equals(historyTab.getAttribute("aria-selected")));
        assertEquals(historyTab, driver.switchTo().activeElement());
        assertEquals("-1", guideTab.getAttribute("tabindex"));
        assertTrue(driver.findElement(By.id("view-history")).isDisplayed());
        historyTab.sendKeys(Keys.ARROW_LEFT);
        wait.until(d -> "true".equals(guideTab.getAttribute("aria-selected")));

        // An address naming a device that is not there says so.
        driver.get(stack.baseUrl + "/?device=ffffffffffff#live");
        WebElement notice = driver.findElement(By.id("device-notice"));
        wait.until(d -> notice.isDisplayed());
        assertTrue(notice.getText().startsWith("There is no device “ffffffffffff” among your devices"), notice.getText());
        Axe.check(driver, "the live view with a device notice");
    }

    /** Where an element is in the viewport (what a finger aims at), as "w x h at x,y" in CSS pixels. */
    private static String onScreen(ChromeDriver driver, String id) {
        return (String) driver.executeScript("const r = document.getElementById(arguments[0]).getBoundingClientRect();"
                + " return `${Math.round(r.width)}x${Math.round(r.height)} at ${Math.round(r.left)},${Math.round(r.top)}`;", id);
    }
}
