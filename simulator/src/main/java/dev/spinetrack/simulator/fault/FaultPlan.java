package dev.spinetrack.simulator.fault;

import dev.spinetrack.simulator.scenario.FaultSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Faults from a scenario's {@code faults} list and from flags, resolved per device.
 * <p>Flag syntax (comma separated, every device): {@code drop=2%}, {@code corrupt=0.5%},
 * {@code duplicate=1%}, {@code disconnect=90s} or {@code disconnect=random},
 * {@code drift=200ppm}, {@code low-battery=120s} or {@code low-battery=120s:4%},
 * {@code stall=60s+5s} (at 60 s, for 5 s).
 */
public final class FaultPlan {

    /** Battery level of a low-battery fault that names none, percent. */
    public static final int DEFAULT_LOW_BATTERY = 4;

    private final List<FaultSpec> specs;

    private FaultPlan(List<FaultSpec> specs) {
        this.specs = List.copyOf(specs);
    }

    /** A plan from scenario specs plus flags (flags apply to every device). */
    public static FaultPlan of(List<FaultSpec> scenarioSpecs, String flags, int deviceCount) {
        List<FaultSpec> all = new ArrayList<>(scenarioSpecs);
        all.addAll(parseFlags(flags));
        for (int i = 0; i < all.size(); i++) {
            checkSpec(all.get(i), deviceCount);
        }
        return new FaultPlan(all);
    }

    /** The specs, scenario ones first. */
    public List<FaultSpec> specs() {
        return specs;
    }

    /** Resolves the faults of one device; random times come from the seed. */
    public DeviceFaults forDevice(int index, long seed, long scenarioMs) {
        double drop = 0;
        double corrupt = 0;
        double dup = 0;
        double drift = 0;
        List<Long> disconnects = new ArrayList<>();
        List<DeviceFaults.BatteryFall> falls = new ArrayList<>();
        List<DeviceFaults.Stall> stalls = new ArrayList<>();
        List<Long> reboots = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(seed * 31 + index * 0x5DEECE66DL + 17);
        for (FaultSpec s : specs) {
            if (s.device() != null && s.device() != index) {
                continue;
            }
            switch (normalise(s.type())) {
                case "drop" -> drop = s.percent() / 100.0;
                case "corrupt" -> corrupt = s.percent() / 100.0;
                case "duplicate" -> dup = s.percent() / 100.0;
                case "drift" -> drift = s.ppm();
                case "disconnect" -> disconnects.add(s.at() != null ? Math.round(s.at() * 1000)
                        : (long) (scenarioMs * (0.2 + 0.6 * random.nextDouble())));
                case "reboot" -> reboots.add(Math.round(s.at() * 1000));
                case "low-battery" -> falls.add(new DeviceFaults.BatteryFall(Math.round(s.at() * 1000),
                        s.percent() == null ? DEFAULT_LOW_BATTERY : (int) Math.round(s.percent())));
                case "stall" -> stalls.add(new DeviceFaults.Stall(Math.round(s.at() * 1000),
                        Math.round(s.seconds() * 1000)));
                default -> throw new IllegalStateException("unchecked fault type " + s.type());
            }
        }
        return new DeviceFaults(drop, corrupt, dup, disconnects, drift, falls, stalls, reboots);
    }

    /** Checks one spec; throws with what is wrong. */
    public static void checkSpec(FaultSpec s, int deviceCount) {
        if (s.type() == null) {
            throw new IllegalArgumentException("type: missing");
        }
        String t = normalise(s.type());
        if (s.device() != null && (s.device() < 0 || s.device() >= deviceCount)) {
            throw new IllegalArgumentException("device " + s.device() + " outside [0, " + (deviceCount - 1) + "]");
        }
        switch (t) {
            case "drop", "corrupt", "duplicate" -> {
                if (s.percent() == null || s.percent() < 0 || s.percent() > 100) {
                    throw new IllegalArgumentException(t + " needs percent in [0, 100], was " + s.percent());
                }
            }
            case "drift" -> {
                if (s.ppm() == null || Math.abs(s.ppm()) > 100_000) {
                    throw new IllegalArgumentException("drift needs ppm in [-100000, 100000], was " + s.ppm());
                }
            }
            case "disconnect" -> requireTime(t, s.at(), true);
            case "reboot" -> requireTime(t, s.at(), false);
            case "low-battery" -> {
                requireTime(t, s.at(), false);
                if (s.percent() != null && (s.percent() < 0 || s.percent() > 100)) {
                    throw new IllegalArgumentException("low-battery percent outside [0, 100]: " + s.percent());
                }
            }
            case "stall" -> {
                requireTime(t, s.at(), false);
                if (s.seconds() == null || !(s.seconds() > 0)) {
                    throw new IllegalArgumentException("stall needs seconds > 0, was " + s.seconds());
                }
            }
            default -> throw new IllegalArgumentException("type '" + s.type()
                    + "' is not drop, corrupt, duplicate, disconnect, reboot, drift, low-battery or stall");
        }
    }

    private static void requireTime(String type, Double at, boolean optional) {
        if (at == null && !optional) {
            throw new IllegalArgumentException(type + " needs 'at' (scenario seconds)");
        }
        if (at != null && at < 0) {
            throw new IllegalArgumentException(type + " 'at' must be >= 0, was " + at);
        }
    }

    private static String normalise(String type) {
        String t = type.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        return t.equals("lowbattery") ? "low-battery" : t.equals("clock-drift") ? "drift"
                : t.equals("duplicated") ? "duplicate" : t.equals("dropped") ? "drop" : t;
    }

    /** Parses the flag syntax; throws naming the bad item. */
    public static List<FaultSpec> parseFlags(String flags) {
        List<FaultSpec> out = new ArrayList<>();
        if (flags == null || flags.isBlank()) {
            return out;
        }
        for (String item : flags.split(",")) {
            String it = item.trim();
            if (it.isEmpty()) {
                continue;
            }
            int eq = it.indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException("fault '" + it + "' is not key=value, e.g. drop=2%");
            }
            String key = normalise(it.substring(0, eq));
            String value = it.substring(eq + 1).trim().toLowerCase(Locale.ROOT);
            try {
                out.add(switch (key) {
                    case "drop", "corrupt", "duplicate" -> new FaultSpec(key, null, percent(value), null, null, null);
                    case "drift" -> new FaultSpec(key, null, null, null, null,
                            Double.parseDouble(value.replace("ppm", "")));
                    case "disconnect" -> new FaultSpec(key, null, null,
                            value.equals("random") ? null : seconds(value), null, null);
                    case "reboot" -> new FaultSpec(key, null, null, seconds(value), null, null);
                    case "low-battery" -> {
                        String[] p = value.split(":");
                        yield new FaultSpec(key, null, p.length > 1 ? percent(p[1]) : null, seconds(p[0]), null, null);
                    }
                    case "stall" -> {
                        String[] p = value.split("[+:]");
                        if (p.length != 2) {
                            throw new IllegalArgumentException("stall is <at>+<duration>, e.g. 60s+5s");
                        }
                        yield new FaultSpec(key, null, null, seconds(p[0]), seconds(p[1]), null);
                    }
                    default -> throw new IllegalArgumentException("unknown fault '" + key
                            + "' (drop, corrupt, duplicate, disconnect, reboot, drift, low-battery, stall)");
                });
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("fault '" + it + "': '" + value + "' is not a number");
            }
        }
        return out;
    }

    private static double percent(String v) {
        return Double.parseDouble(v.replace("%", ""));
    }

    private static double seconds(String v) {
        String s = v.trim();
        if (s.endsWith("ms")) {
            return Double.parseDouble(s.substring(0, s.length() - 2)) / 1000.0;
        }
        if (s.endsWith("min")) {
            return Double.parseDouble(s.substring(0, s.length() - 3)) * 60;
        }
        return Double.parseDouble(s.endsWith("s") ? s.substring(0, s.length() - 1) : s);
    }
}
