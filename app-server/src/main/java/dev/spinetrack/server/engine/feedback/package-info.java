/**
 * Live feedback computed from the sample stream, as plain functions of time and value:
 * {@link dev.spinetrack.server.engine.feedback.BandFeedback} ("lighter / in zone / harder" with
 * hysteresis and a settle delay), {@link dev.spinetrack.server.engine.feedback.SpotDwellCue}
 * ("hold" / "move on" once a spot's dwell target is met) and
 * {@link dev.spinetrack.server.engine.feedback.RepCounter} (reps from pitch or roll cycles).
 */
package dev.spinetrack.server.engine.feedback;
