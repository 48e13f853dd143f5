package dev.spinetrack.simulator.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds scenarios: the bundled ones by name, a user's YAML or JSON file by path, and the
 * synthetic load scenario {@code load:<devices>x<rateHz>} (e.g. {@code load:50x100}).
 */
public final class ScenarioCatalog {

    /** Names of the bundled scenarios, in {@code src/main/resources/scenarios/<name>.yaml}. */
    public static final List<String> BUNDLED = List.of("massage", "rack-decompression", "mobilization", "studio");

    private static final Pattern LOAD = Pattern.compile("load:(\\d+)x(\\d+)(?:x(\\d+)s)?");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, false)
            .findAndRegisterModules();

    private ScenarioCatalog() {
    }

    /** Resolves a bundled name, a {@code load:} spec, or a file path; validated. */
    public static Scenario load(String nameOrPath) {
        String ref = nameOrPath.trim();
        Matcher m = LOAD.matcher(ref);
        if (m.matches()) {
            int seconds = m.group(3) == null ? LoadScenario.DEFAULT_SECONDS : Integer.parseInt(m.group(3));
            return LoadScenario.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), seconds);
        }
        if (BUNDLED.contains(ref)) {
            try (InputStream in = ScenarioCatalog.class.getResourceAsStream("/scenarios/" + ref + ".yaml")) {
                if (in == null) {
                    throw new ScenarioException("bundled scenario " + ref + " is missing from the jar");
                }
                return parse(in.readAllBytes(), "'" + ref + "' (bundled)");
            } catch (IOException e) {
                throw new ScenarioException("cannot read bundled scenario " + ref + ": " + e.getMessage(), e);
            }
        }
        Path path = Path.of(ref);
        if (!Files.isRegularFile(path)) {
            throw new ScenarioException("no scenario '" + ref + "': not one of " + BUNDLED
                    + ", not load:<devices>x<rateHz>, and no such file");
        }
        try {
            return parse(Files.readAllBytes(path), path.toString());
        } catch (IOException e) {
            throw new ScenarioException("cannot read scenario file " + path + ": " + e.getMessage(), e);
        }
    }

    /** Parses YAML or JSON (JSON is YAML) and validates it; {@code source} names it in errors. */
    public static Scenario parse(byte[] content, String source) {
        Scenario s;
        try {
            s = YAML.readValue(content, Scenario.class);
        } catch (UnrecognizedPropertyException e) {
            throw new ScenarioException("scenario " + source + ": unknown field '" + e.getPropertyName()
                    + "' at " + e.getPathReference(), e);
        } catch (JsonProcessingException e) {
            throw new ScenarioException("scenario " + source + " is not valid YAML/JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"), e);
        } catch (IOException e) {
            throw new ScenarioException("cannot read scenario " + source + ": " + e.getMessage(), e);
        }
        if (s == null) {
            throw new ScenarioException("scenario " + source + " is empty");
        }
        return ScenarioValidator.requireValid(s, source);
    }
}
