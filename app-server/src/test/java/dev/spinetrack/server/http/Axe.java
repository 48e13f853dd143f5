package dev.spinetrack.server.http;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * axe-core (bundled in the test resources, never from a CDN) run in the page under test against
 * the WCAG 2.0, 2.1 and 2.2 A and AA rules; any violation fails the test with its rule, impact
 * and the offending elements.
 */
final class Axe {

    private static final String SOURCE = load();

    private Axe() {
    }

    private static String load() {
        try (InputStream in = Axe.class.getResourceAsStream("/axe/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe/axe.min.js is missing from the test resources");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs axe on the whole page as it is now and fails on any violation; {@code where} names the view. */
    static void check(ChromeDriver driver, String where) {
        JavascriptExecutor js = driver;
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object'"))) {
            js.executeScript(SOURCE);
        }
        Object result = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']},
                                   resultTypes: ['violations']})
                  .then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                      nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' :: ' + n.failureSummary)}))))
                  .catch(e => done([{id: 'axe-error', impact: 'critical', help: String(e), nodes: []}]));
                """);
        List<String> problems = new ArrayList<>();
        if (result instanceof List<?> list) {
            for (Object o : list) {
                Map<?, ?> v = (Map<?, ?>) o;
                problems.add(v.get("id") + " (" + v.get("impact") + "): " + v.get("help") + "\n      " + v.get("nodes"));
            }
        }
        if (!problems.isEmpty()) {
            fail("axe found " + problems.size() + " WCAG violation(s) on " + where + ":\n  " + String.join("\n  ", problems));
        }
    }
}
