/**
 * Tender spots: the user's 0-10 tenderness ratings per region, each with the pressure the
 * region tolerated in that round ({@link dev.spinetrack.server.engine.tender.ToleratedPressure}), and
 * the trend across rounds and sessions ({@link dev.spinetrack.server.engine.tender.TenderSpotLog}),
 * e.g. "tolerates 20 % more pressure, tenderness 6 -> 3".
 */
package dev.spinetrack.server.engine.tender;
