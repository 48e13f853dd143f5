package dev.spinetrack.simulator;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** Paths of the small scenario files under src/test/resources. */
final class TestScenarios {

    private TestScenarios() {
    }

    static String path(String resource) {
        try {
            return Path.of(TestScenarios.class.getResource("/" + resource).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
