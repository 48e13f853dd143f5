package dev.spinetrack.simulator.scenario;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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
    /** Binds the parsed document to the scenario records; unknown fields fail (the records say so). */
    private static final ObjectMapper BINDER = new ObjectMapper()
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

    /**
     * Parses YAML or JSON (JSON is YAML) and validates it; {@code source} names it in errors.
     * SnakeYAML reads the text, as it does the server's program files and the gateway's config
     * (one YAML stack); Jackson binds the resulting tree to the scenario records.
     */
    public static Scenario parse(byte[] content, String source) {
        Object doc;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            options.setMaxAliasesForCollections(10);
            doc = new Yaml(new SafeConstructor(options)).load(new String(content, StandardCharsets.UTF_8));
        } catch (MarkedYAMLException e) {
            throw new ScenarioException("scenario " + source + " is not valid YAML/JSON: " + e.getProblem()
                    + " (line " + (e.getProblemMark().getLine() + 1) + ")", e);
        } catch (YAMLException e) {
            throw new ScenarioException("scenario " + source + " is not valid YAML/JSON: " + e.getMessage(), e);
        }
        if (doc == null) {
            throw new ScenarioException("scenario " + source + " is empty");
        }
        Scenario s;
        try {
            s = BINDER.convertValue(doc, Scenario.class);
        } catch (IllegalArgumentException e) {
            throw bindingProblem(source, e);
        }
        return ScenarioValidator.requireValid(s, source);
    }

    /** Names the field a document could not be bound at (convertValue wraps Jackson's exception). */
    private static ScenarioException bindingProblem(String source, IllegalArgumentException e) {
        if (e.getCause() instanceof UnrecognizedPropertyException u) {
            return new ScenarioException("scenario " + source + ": unknown field '" + u.getPropertyName() + "' at "
                    + path(u), e);
        }
        if (e.getCause() instanceof JsonMappingException m) {
            return new ScenarioException("scenario " + source + ": " + path(m) + ": " + m.getOriginalMessage(), e);
        }
        return new ScenarioException("scenario " + source + ": " + e.getMessage(), e);
    }

    /** A field path in the scenario's own terms, e.g. {@code devices[0].script[2].seconds}. */
    private static String path(JsonMappingException e) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                b.append(b.isEmpty() ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.isEmpty() ? "(document)" : b.toString();
    }
}
