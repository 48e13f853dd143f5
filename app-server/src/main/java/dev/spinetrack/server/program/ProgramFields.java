package dev.spinetrack.server.program;

import dev.spinetrack.protocol.region.Region;
import dev.spinetrack.protocol.region.RegionCatalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Typed readers of a parsed program document's fields; each adds a specific error where a value is wrong. */
final class ProgramFields {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

    private ProgramFields() {
    }

    static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    static void unknownFields(ProgramErrors errors, String at, Map<?, ?> m, Set<String> known) {
        for (Object k : m.keySet()) {
            if (!(k instanceof String s) || !known.contains(s)) {
                errors.add(at.isEmpty() ? String.valueOf(k) : at + "." + k,
                        "unknown field; expected one of " + new java.util.TreeSet<>(known));
            }
        }
    }

    static String id(ProgramErrors errors, String at, Object v) {
        if (!(v instanceof String s) || !ID.matcher(s).matches()) {
            errors.add(at, "must be 1-40 characters of a-z, 0-9 and '-', starting with a letter or digit, was "
                    + describe(v));
            return null;
        }
        return s;
    }

    static String text(ProgramErrors errors, String at, Object v, boolean required) {
        if (v == null) {
            if (required) {
                errors.add(at, "is required");
            }
            return null;
        }
        if (!(v instanceof String s) || (required && s.isBlank()) || s.length() > 2000) {
            errors.add(at, "must be text of at most 2000 characters, was " + describe(v));
            return null;
        }
        return s;
    }

    static <E extends Enum<E>> E enumValue(ProgramErrors errors, String at, Object v, Class<E> type, boolean required) {
        if (v == null) {
            if (required) {
                errors.add(at, "is required; one of " + names(type));
            }
            return null;
        }
        if (v instanceof String s) {
            for (E e : type.getEnumConstants()) {
                if (e.name().equalsIgnoreCase(s.trim())) {
                    return e;
                }
            }
        }
        errors.add(at, "must be one of " + names(type) + ", was " + describe(v));
        return null;
    }

    static <E extends Enum<E>> String names(Class<E> type) {
        List<String> names = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            names.add(lower(e));
        }
        return String.join(", ", names);
    }

    static List<Region> regions(ProgramErrors errors, String at, Object v) {
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> list)) {
            errors.add(at, "must be a list of region ids such as MID_THORACIC_LEFT, was " + describe(v));
            return null;
        }
        List<Region> regions = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Object item = list.get(i);
            var region = item instanceof String s ? RegionCatalog.parse(s) : java.util.Optional.<Region>empty();
            if (region.isEmpty()) {
                errors.add(at + "[" + i + "]", "unknown region " + describe(item) + "; known: "
                        + RegionCatalog.all());
            } else if (regions.contains(region.get())) {
                errors.add(at + "[" + i + "]", "region " + region.get() + " is listed twice");
            } else {
                regions.add(region.get());
            }
        }
        return regions;
    }

    static Double number(ProgramErrors errors, String at, Object v, double min, double max) {
        if (v == null) {
            return null;
        }
        if (!(v instanceof Number n) || !(n.doubleValue() >= min && n.doubleValue() <= max)) {
            errors.add(at, "must be a number in [" + fmt(min) + ", " + fmt(max) + "], was " + describe(v));
            return null;
        }
        return n.doubleValue();
    }

    static Double integer(ProgramErrors errors, String at, Object v, int min, int max) {
        if (v == null) {
            return null;
        }
        if (!(v instanceof Integer || v instanceof Long) || ((Number) v).longValue() < min
                || ((Number) v).longValue() > max) {
            errors.add(at, "must be a whole number in [" + min + ", " + max + "], was " + describe(v));
            return null;
        }
        return ((Number) v).doubleValue();
    }

    static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }

    static String describe(Object v) {
        if (v == null) {
            return "missing";
        }
        if (v instanceof String s) {
            return "'" + (s.length() > 60 ? s.substring(0, 60) + "..." : s) + "'";
        }
        if (v instanceof Map || v instanceof List) {
            return "a " + (v instanceof Map ? "mapping" : "list");
        }
        return String.valueOf(v);
    }

}
