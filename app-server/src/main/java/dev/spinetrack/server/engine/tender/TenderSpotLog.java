package dev.spinetrack.server.engine.tender;

import dev.spinetrack.protocol.region.Region;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tenderness ratings per region across rounds and sessions, and their trend. Ratings are kept
 * in time order; the trend compares the first with the latest.
 */
public final class TenderSpotLog {

    private final Map<Region, List<TenderRating>> byRegion = new EnumMap<>(Region.class);

    /** Adds a rating. */
    public synchronized void add(TenderRating rating) {
        List<TenderRating> list = byRegion.computeIfAbsent(rating.region(), r -> new ArrayList<>());
        list.add(rating);
        list.sort(Comparator.comparingLong(TenderRating::at));
    }

    /** Ratings of a region in time order. */
    public synchronized List<TenderRating> ratings(Region region) {
        return List.copyOf(byRegion.getOrDefault(region, List.of()));
    }

    /** Every rating, by region then time. */
    public synchronized List<TenderRating> all() {
        List<TenderRating> all = new ArrayList<>();
        byRegion.values().forEach(all::addAll);
        return all;
    }

    /** The trend of a region, if it was ever rated. */
    public synchronized Optional<TenderTrend> trend(Region region) {
        List<TenderRating> list = byRegion.get(region);
        if (list == null || list.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(trendOf(region, list));
    }

    /** Trends of every rated region, neck down. */
    public synchronized List<TenderTrend> trends() {
        return byRegion.entrySet().stream().filter(e -> !e.getValue().isEmpty())
                .map(e -> trendOf(e.getKey(), e.getValue())).toList();
    }

    static TenderTrend trendOf(Region region, List<TenderRating> list) {
        TenderRating first = list.get(0);
        TenderRating latest = list.get(list.size() - 1);
        double p0 = list.stream().filter(TenderRating::pressureKnown).findFirst()
                .map(TenderRating::toleratedPressure).orElse(Double.NaN);
        double p1 = Double.NaN;
        for (int i = list.size() - 1; i >= 0; i--) {
            if (list.get(i).pressureKnown()) {
                p1 = list.get(i).toleratedPressure();
                break;
            }
        }
        Integer pct = null;
        if (list.size() > 1 && !Double.isNaN(p0) && !Double.isNaN(p1)) {
            pct = (int) Math.round((p1 - p0) / p0 * 100);
        }
        String tenderness = list.size() == 1
                ? "tenderness " + first.tenderness() + " (first rating)"
                : "tenderness " + first.tenderness() + " -> " + latest.tenderness();
        String pressure;
        if (pct == null) {
            pressure = null;
        } else if (pct > 0) {
            pressure = "tolerates " + pct + " % more pressure";
        } else if (pct < 0) {
            pressure = "tolerates " + (-pct) + " % less pressure";
        } else {
            pressure = "tolerates the same pressure";
        }
        return new TenderTrend(region, list.size(), first.tenderness(), latest.tenderness(), p0, p1, pct,
                pressure == null ? tenderness : pressure + ", " + tenderness);
    }
}
