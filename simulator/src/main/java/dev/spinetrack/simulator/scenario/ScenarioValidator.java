package dev.spinetrack.simulator.scenario;

import dev.spinetrack.protocol.gatt.DeviceKind;
import dev.spinetrack.simulator.device.DeviceProfiles;
import dev.spinetrack.simulator.fault.FaultPlan;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks a parsed scenario and names every problem with its place, e.g.
 * {@code devices[0].script[3]: a roll needs a region}.
 */
public final class ScenarioValidator {

    private ScenarioValidator() {
    }

    /** Every problem found; empty when the scenario is valid. */
    public static List<String> problems(Scenario s) {
        List<String> out = new ArrayList<>();
        if (s.name() == null || s.name().isBlank()) {
            out.add("name: missing");
        }
        if (s.devices().isEmpty()) {
            out.add("devices: a scenario needs at least one device");
        }
        for (int d = 0; d < s.devices().size(); d++) {
            DeviceScript dev = s.devices().get(d);
            String where = "devices[" + d + "]";
            if (dev.kind() == null) {
                out.add(where + ".kind: missing (RACK or BALL)");
                continue;
            }
            if (dev.rateHz() < 0 || dev.rateHz() > DeviceProfiles.MAX_RATE_HZ
                    || (dev.rateHz() > 0 && dev.rateHz() < DeviceProfiles.MIN_RATE_HZ)) {
                out.add(where + ".rateHz: " + dev.rateHz() + " outside [" + DeviceProfiles.MIN_RATE_HZ + ", "
                        + DeviceProfiles.MAX_RATE_HZ + "]");
            }
            if (dev.battery() < 0 || dev.battery() > 100) {
                out.add(where + ".battery: " + dev.battery() + " outside [0, 100]");
            }
            if (dev.script().isEmpty()) {
                out.add(where + ".script: empty");
            }
            for (int i = 0; i < dev.script().size(); i++) {
                checkStep(dev.kind(), dev.script().get(i), where + ".script[" + i + "]", out);
            }
        }
        for (int f = 0; f < s.faults().size(); f++) {
            FaultSpec spec = s.faults().get(f);
            try {
                FaultPlan.checkSpec(spec, s.devices().size());
            } catch (IllegalArgumentException e) {
                out.add("faults[" + f + "]: " + e.getMessage());
            }
        }
        return out;
    }

    /** Throws {@link ScenarioException} listing every problem. */
    public static Scenario requireValid(Scenario s, String source) {
        List<String> problems = problems(s);
        if (!problems.isEmpty()) {
            throw new ScenarioException("scenario " + source + " is invalid: " + String.join("; ", problems));
        }
        return s;
    }

    private static void checkStep(DeviceKind kind, Step step, String where, List<String> out) {
        Activity a;
        try {
            a = step.kind();
        } catch (IllegalArgumentException | NullPointerException e) {
            out.add(where + ".do: " + (step.activity() == null ? "missing" : e.getMessage()));
            return;
        }
        if (!(step.seconds() > 0)) {
            out.add(where + ".seconds: must be > 0, was " + step.seconds());
        }
        if (step.pressure() < 0) {
            out.add(where + ".pressure: must be >= 0, was " + step.pressure());
        }
        if (step.lean() < -1 || step.lean() > 1) {
            out.add(where + ".lean: " + step.lean() + " outside [-1, 1]");
        }
        if (step.region() != null) {
            try {
                step.regionOrNull();
            } catch (IllegalArgumentException e) {
                out.add(where + ".region: '" + step.region() + "' is not a region such as MID_THORACIC_LEFT");
            }
        }
        if (step.level() != null) {
            try {
                step.levelOrNull();
            } catch (IllegalArgumentException e) {
                out.add(where + ".level: '" + step.level() + "' is not a level C7..L5");
            }
        }
        switch (a) {
            case LIE -> {
                if (kind != DeviceKind.RACK) {
                    out.add(where + ": 'lie' is a rack step, device is a " + kind);
                } else if (step.level() == null) {
                    out.add(where + ".level: a lie needs the spinal level, e.g. T8");
                }
            }
            case ROLL, HOLD -> {
                if (kind != DeviceKind.BALL) {
                    out.add(where + ": '" + a.id() + "' is a ball step, device is a " + kind);
                } else if (step.region() == null) {
                    out.add(where + ".region: a " + a.id() + " needs the region it works, e.g. MID_THORACIC_LEFT");
                }
            }
            case CAT_COW, KNEELING_TWIST -> {
                if (step.reps() < 1) {
                    out.add(where + ".reps: a set needs reps >= 1, was " + step.reps());
                } else if (step.seconds() / step.reps() < 1.0) {
                    out.add(where + ": " + step.reps() + " reps in " + step.seconds() + " s is faster than 1 s a rep");
                }
            }
            default -> {
            }
        }
    }
}
