package dev.spinetrack.server.engine.tender;

import dev.spinetrack.protocol.region.Region;

import java.util.Objects;

/**
 * One tenderness rating.
 *
 * @param sessionId         guided session it was given in
 * @param round             round of the massage step (1-based; 0 when given after the session)
 * @param region            the spot
 * @param tenderness        0 (none) to 10 (worst)
 * @param toleratedPressure mean focus pressure on the spot in that round, or NaN when the
 *                          spot was not pressed
 * @param at                epoch ms when rated
 */
public record TenderRating(String sessionId, int round, Region region, int tenderness, double toleratedPressure,
                           long at) {
    public TenderRating {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(region, "region");
        if (tenderness < 0 || tenderness > 10) {
            throw new IllegalArgumentException("tenderness must be 0..10, was " + tenderness);
        }
        if (round < 0) {
            throw new IllegalArgumentException("round must be >= 0, was " + round);
        }
        if (!Double.isNaN(toleratedPressure) && !(toleratedPressure >= 0 && Double.isFinite(toleratedPressure))) {
            throw new IllegalArgumentException("tolerated pressure must be >= 0 or NaN, was " + toleratedPressure);
        }
    }

    /** Whether the spot's pressure in that round is known. */
    public boolean pressureKnown() {
        return !Double.isNaN(toleratedPressure) && toleratedPressure > 0;
    }
}
