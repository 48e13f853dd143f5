/**
 * The target pressure band: one record ({@link dev.spinetrack.server.engine.band.PressureBand}) with
 * the one classification of a pressure against it, used by tracking, guided programs and the live
 * cue alike.
 */
package dev.spinetrack.server.engine.band;
