/**
 * Runs the hand-written hex test vectors of {@code vectors/protocol-vectors.json} against
 * every codec, in both directions.
 */
package dev.spinetrack.protocol.vectors;
