package dev.spinetrack.simulator.scenario;

import dev.spinetrack.protocol.gatt.DeviceKind;
import dev.spinetrack.simulator.device.DeviceProfiles;
import dev.spinetrack.protocol.region.Region;

import java.util.ArrayList;
import java.util.List;

/**
 * The synthetic scenario of DESIGN.md's load mode: N devices at R Hz, alternately racks and
 * balls, each with a busy script, for pipeline benchmarks.
 */
public final class LoadScenario {

    /** Script length when the spec names none; run with {@code loop} for longer benchmarks. */
    public static final int DEFAULT_SECONDS = 60;

    private LoadScenario() {
    }

    /** {@code devices} devices at {@code rateHz}, scripts of {@code seconds}. */
    public static Scenario of(int devices, int rateHz, int seconds) {
        if (devices < 1 || devices > 10_000) {
            throw new ScenarioException("load: devices must be in [1, 10000], was " + devices);
        }
        if (rateHz < DeviceProfiles.MIN_RATE_HZ || rateHz > DeviceProfiles.MAX_RATE_HZ) {
            throw new ScenarioException("load: rate must be in [" + DeviceProfiles.MIN_RATE_HZ + ", "
                    + DeviceProfiles.MAX_RATE_HZ + "] Hz, was " + rateHz);
        }
        if (seconds < 4) {
            throw new ScenarioException("load: duration must be >= 4 s, was " + seconds);
        }
        List<DeviceScript> list = new ArrayList<>(devices);
        String[] levels = {"T10", "T8", "T6", "T4"};
        Region[] regions = {Region.MID_THORACIC_LEFT, Region.MID_THORACIC_RIGHT,
            Region.LOWER_THORACIC_LEFT, Region.LOWER_THORACIC_RIGHT};
        double quarter = seconds / 4.0;
        for (int d = 0; d < devices; d++) {
            List<Step> steps = new ArrayList<>();
            boolean rack = d % 2 == 0;
            for (int q = 0; q < 4; q++) {
                steps.add(rack
                        ? new Step("lie", quarter, null, levels[(q + d) % 4], 0, 0, 0, null)
                        : new Step("roll", quarter, regions[(q + d) % 4].name(), null, 0, 0, 0, null));
            }
            list.add(new DeviceScript(rack ? DeviceKind.RACK : DeviceKind.BALL, null, rateHz, 0, 0, steps));
        }
        return new Scenario("load:" + devices + "x" + rateHz, devices + " devices at " + rateHz
                + " Hz for pipeline benchmarks", 0, list, List.of());
    }
}
