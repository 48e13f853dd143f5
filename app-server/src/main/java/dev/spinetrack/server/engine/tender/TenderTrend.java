package dev.spinetrack.server.engine.tender;

import dev.spinetrack.protocol.region.Region;

/**
 * How a tender spot changed from its first rating to its latest.
 *
 * @param region            the spot
 * @param ratings           number of ratings
 * @param firstTenderness   first rating
 * @param latestTenderness  latest rating
 * @param firstPressure     pressure tolerated at the first rating with a known pressure, or NaN
 * @param latestPressure    pressure tolerated at the latest rating with a known pressure, or NaN
 * @param pressureChangePct rounded change in tolerated pressure, percent; null when unknown
 * @param summary           for people, e.g. "tolerates 20 % more pressure, tenderness 6 -> 3"
 */
public record TenderTrend(Region region, int ratings, int firstTenderness, int latestTenderness,
                          double firstPressure, double latestPressure, Integer pressureChangePct, String summary) {

    /** Whether the spot improved: less tender, or as tender under more pressure. */
    public boolean improving() {
        return latestTenderness < firstTenderness
                || latestTenderness == firstTenderness && pressureChangePct != null && pressureChangePct > 0;
    }
}
