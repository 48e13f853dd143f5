package dev.spinetrack.simulator.scenario;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.spinetrack.protocol.gatt.DeviceKind;

import java.util.List;

/**
 * One simulated device of a scenario and what is done with it.
 *
 * @param kind           {@code RACK} or {@code BALL}
 * @param name           advertised name; {@code null} for "SpineTrack Rack" / "SpineTrack Ball"
 * @param rateHz         initial sample rate; 0 for the default (50 Hz)
 * @param battery        battery percent at the start; 0 for the default (95 %)
 * @param drainPerHour   battery percent lost per hour of virtual time; 0 for the default (6 %/h)
 * @param script         the steps, played one after the other from the scenario start
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record DeviceScript(DeviceKind kind, String name, int rateHz, double battery, double drainPerHour,
                           List<Step> script) {

    /** Default sample rate when the scenario names none. */
    public static final int DEFAULT_RATE_HZ = 50;

    public DeviceScript {
        script = script == null ? List.of() : List.copyOf(script);
    }

    /** The advertised name. */
    public String advertisedName() {
        if (name != null && !name.isBlank()) {
            return name;
        }
        return kind == DeviceKind.RACK ? "SpineTrack Rack" : "SpineTrack Ball";
    }

    /** The initial sample rate. */
    public int initialRateHz() {
        return rateHz > 0 ? rateHz : DEFAULT_RATE_HZ;
    }

    /** The battery percent at power-on. */
    public double initialBattery() {
        return battery > 0 ? battery : 95.0;
    }

    /** Battery percent lost per virtual hour. */
    public double drainPercentPerHour() {
        return drainPerHour > 0 ? drainPerHour : 6.0;
    }

    /** Length of the script, milliseconds. */
    public long durationMs() {
        long total = 0;
        for (Step s : script) {
            total += s.durationMs();
        }
        return total;
    }
}
