package dev.spinetrack.server.program;

import static dev.spinetrack.server.program.ProgramFields.describe;
import static dev.spinetrack.server.program.ProgramFields.enumValue;
import static dev.spinetrack.server.program.ProgramFields.fmt;
import static dev.spinetrack.server.program.ProgramFields.id;
import static dev.spinetrack.server.program.ProgramFields.integer;
import static dev.spinetrack.server.program.ProgramFields.lower;
import static dev.spinetrack.server.program.ProgramFields.number;
import static dev.spinetrack.server.program.ProgramFields.regions;
import static dev.spinetrack.server.program.ProgramFields.text;
import static dev.spinetrack.server.program.ProgramFields.unknownFields;

import dev.spinetrack.protocol.gatt.DeviceKind;
import dev.spinetrack.protocol.gatt.PressureUnit;
import dev.spinetrack.protocol.region.Region;
import dev.spinetrack.server.engine.band.PressureBand;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a program from YAML or JSON text (JSON is read as YAML's flow style) and validates
 * every field, collecting all errors with their place instead of stopping at the first.
 * The document shape is described in the README (dashboard section) and shown by the
 * bundled programs under {@code src/main/resources/programs}.
 */
public final class ProgramParser {

    private static final Set<String> PROGRAM_FIELDS = Set.of("id", "name", "description", "device", "steps");
    private static final Set<String> STEP_FIELDS = Set.of("id", "title", "kind", "regions", "sides", "rounds",
            "duration", "sets", "reps", "repAxis", "repDetection", "band", "rest", "dwellTarget", "notes");
    private static final Set<String> BAND_FIELDS = Set.of("low", "high", "unit");
    private static final Set<String> REP_FIELDS = Set.of("minAmplitude", "minSeconds", "maxSeconds");
    /** Largest document accepted, so an upload cannot exhaust memory. */
    public static final int MAX_CHARS = 256 * 1024;

    private ProgramParser() {
    }

    /**
     * Parses and validates a program document.
     *
     * @param source file or upload name, used in errors and kept as {@link Program#source()}
     * @param text   YAML or JSON
     * @throws ProgramFormatException listing every error found
     */
    public static Program parse(String source, String text) throws ProgramFormatException {
        ProgramErrors errors = new ProgramErrors(source);
        if (text == null || text.isBlank()) {
            errors.add("", "document is empty");
            throw errors.exception();
        }
        if (text.length() > MAX_CHARS) {
            errors.add("", "document is " + text.length() + " characters, at most " + MAX_CHARS + " allowed");
            throw errors.exception();
        }
        Object doc;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            options.setMaxAliasesForCollections(10);
            doc = new Yaml(new SafeConstructor(options)).load(text);
        } catch (MarkedYAMLException e) {
            errors.add("line " + (e.getProblemMark().getLine() + 1) + ", column " + (e.getProblemMark().getColumn() + 1),
                    "not valid YAML or JSON: " + e.getProblem());
            throw errors.exception();
        } catch (YAMLException e) {
            errors.add("", "not valid YAML or JSON: " + e.getMessage());
            throw errors.exception();
        }
        if (!(doc instanceof Map<?, ?> root)) {
            errors.add("", "document must be a mapping with id, name, device and steps");
            throw errors.exception();
        }
        unknownFields(errors, "", root, PROGRAM_FIELDS);
        String id = id(errors, "id", root.get("id"));
        String name = text(errors, "name", root.get("name"), true);
        String description = text(errors, "description", root.get("description"), false);
        DeviceKind device = enumValue(errors, "device", root.get("device"), DeviceKind.class, true);
        List<ProgramStep> steps = new ArrayList<>();
        Object stepsValue = root.get("steps");
        if (!(stepsValue instanceof List<?> list) || list.isEmpty()) {
            errors.add("steps", "must be a non-empty list of steps");
        } else {
            Set<String> seen = new java.util.HashSet<>();
            for (int i = 0; i < list.size(); i++) {
                ProgramStep step = step(errors, i, list.get(i), device);
                if (step != null && !seen.add(step.id())) {
                    errors.add(stepPath(i, step.id()) + ".id", "duplicate step id '" + step.id() + "'");
                }
                steps.add(step);
            }
        }
        if (!errors.isEmpty()) {
            throw errors.exception();
        }
        return new Program(id, name, description, device, steps, source);
    }

    private static ProgramStep step(ProgramErrors errors, int index, Object value, DeviceKind device) {
        if (!(value instanceof Map<?, ?> m)) {
            errors.add("steps[" + index + "]", "must be a mapping");
            return null;
        }
        int before = errors.size();
        String stepId = m.get("id") instanceof String s ? s : null;
        String at = stepPath(index, stepId);
        unknownFields(errors, at, m, STEP_FIELDS);
        String id = id(errors, at + ".id", m.get("id"));
        String title = text(errors, at + ".title", m.get("title"), true);
        StepKind kind = enumValue(errors, at + ".kind", m.get("kind"), StepKind.class, true);
        List<Region> regions = regions(errors, at + ".regions", m.get("regions"));
        boolean bothSides = false;
        Object sides = m.get("sides");
        if (sides != null) {
            if ("both".equals(sides)) {
                bothSides = true;
            } else if (!"listed".equals(sides)) {
                errors.add(at + ".sides", "must be 'both' or 'listed', was '" + sides + "'");
            }
        }
        Double duration = number(errors, at + ".duration", m.get("duration"), 1, 3600);
        Double sets = integer(errors, at + ".sets", m.get("sets"), 1, 20);
        Double reps = integer(errors, at + ".reps", m.get("reps"), 1, 100);
        Double rounds = integer(errors, at + ".rounds", m.get("rounds"), 1, 10);
        Double rest = number(errors, at + ".rest", m.get("rest"), 0, 600);
        Double dwell = number(errors, at + ".dwellTarget", m.get("dwellTarget"), 0, 600);
        RepAxis axis = enumValue(errors, at + ".repAxis", m.get("repAxis"), RepAxis.class, false);
        RepDetection detection = repDetection(errors, at + ".repDetection", m.get("repDetection"));
        PressureBand band = band(errors, at + ".band", m.get("band"), device);
        String notes = text(errors, at + ".notes", m.get("notes"), false);
        if (kind != null) {
            boolean timedKind = kind == StepKind.MASSAGE || kind == StepKind.DECOMPRESS;
            if (timedKind) {
                if (duration == null && !m.containsKey("duration")) {
                    errors.add(at + ".duration", "a " + lower(kind) + " step needs a duration in seconds");
                }
                if (m.containsKey("sets") || m.containsKey("reps")) {
                    errors.add(at, "a " + lower(kind) + " step is timed: give duration, not sets or reps");
                }
                if (regions != null && regions.isEmpty() && m.containsKey("regions")) {
                    errors.add(at + ".regions", "must name at least one region");
                } else if (!m.containsKey("regions")) {
                    errors.add(at + ".regions", "a " + lower(kind) + " step needs regions");
                }
                if (axis != null && axis != RepAxis.NONE) {
                    errors.add(at + ".repAxis", "a timed step has no reps to count");
                }
            } else {
                if (!m.containsKey("sets")) {
                    errors.add(at + ".sets", "a " + lower(kind) + " step needs sets");
                }
                if (!m.containsKey("reps")) {
                    errors.add(at + ".reps", "a " + lower(kind) + " step needs reps per set");
                }
                if (m.containsKey("duration")) {
                    errors.add(at + ".duration", "a " + lower(kind) + " step counts reps: give sets and reps, not duration");
                }
                if (bothSides) {
                    errors.add(at + ".sides", "sides apply to timed steps only");
                }
                if (m.containsKey("rounds")) {
                    errors.add(at + ".rounds", "rounds apply to timed steps; use sets");
                }
                if (kind == StepKind.STRENGTHEN && axis != null && axis != RepAxis.NONE) {
                    errors.add(at + ".repAxis", "strengthening reps are logged, not sensed: leave repAxis out");
                }
            }
        }
        if (errors.size() > before) {
            return null;
        }
        boolean timed = kind == StepKind.MASSAGE || kind == StepKind.DECOMPRESS;
        return new ProgramStep(id, title, kind, regions, bothSides,
                timed ? (rounds == null ? 1 : rounds.intValue()) : 1,
                timed ? Math.round(duration * 1000) : 0,
                timed ? 0 : sets.intValue(), timed ? 0 : reps.intValue(),
                axis == null ? RepAxis.NONE : axis, detection == null ? RepDetection.DEFAULT : detection, band,
                rest == null ? 0 : Math.round(rest * 1000), dwell == null ? 0 : Math.round(dwell * 1000), notes);
    }

    private static String stepPath(int index, String stepId) {
        return "steps[" + index + "]" + (stepId == null ? "" : " (" + stepId + ")");
    }

    private static PressureBand band(ProgramErrors errors, String at, Object v, DeviceKind device) {
        if (v == null) {
            return null;
        }
        if (!(v instanceof Map<?, ?> m)) {
            errors.add(at, "must be a mapping with low and high, was " + describe(v));
            return null;
        }
        unknownFields(errors, at, m, BAND_FIELDS);
        Double low = number(errors, at + ".low", m.get("low"), 0, 100_000);
        Double high = number(errors, at + ".high", m.get("high"), 0, 100_000);
        if (!m.containsKey("low")) {
            errors.add(at + ".low", "is required");
        }
        if (!m.containsKey("high")) {
            errors.add(at + ".high", "is required");
        }
        PressureUnit unit = device == DeviceKind.RACK ? PressureUnit.NEWTON : PressureUnit.KILOPASCAL;
        Object u = m.get("unit");
        if (u != null && device != null && !unit.symbol().equals(u)) {
            errors.add(at + ".unit", "a " + lower(device) + " measures in " + unit.symbol() + ", was " + describe(u));
            return null;
        }
        if (low == null || high == null || device == null) {
            return null;
        }
        if (high <= low) {
            errors.add(at + ".high", "must be above low " + fmt(low) + ", was " + fmt(high));
            return null;
        }
        return new PressureBand(low, high, unit);
    }

    private static RepDetection repDetection(ProgramErrors errors, String at, Object v) {
        if (v == null) {
            return null;
        }
        if (!(v instanceof Map<?, ?> m)) {
            errors.add(at, "must be a mapping with minAmplitude, minSeconds, maxSeconds, was " + describe(v));
            return null;
        }
        unknownFields(errors, at, m, REP_FIELDS);
        RepDetection d = RepDetection.DEFAULT;
        Double amp = number(errors, at + ".minAmplitude", m.get("minAmplitude"), 1, 180);
        Double min = number(errors, at + ".minSeconds", m.get("minSeconds"), 0, 60);
        Double max = number(errors, at + ".maxSeconds", m.get("maxSeconds"), 0.5, 120);
        long minMs = min == null ? d.minPeriodMs() : Math.round(min * 1000);
        long maxMs = max == null ? d.maxPeriodMs() : Math.round(max * 1000);
        if (maxMs <= minMs) {
            errors.add(at + ".maxSeconds", "must be above minSeconds");
            return null;
        }
        return new RepDetection(amp == null ? d.minAmplitudeDeg() : amp, minMs, maxMs);
    }

}
