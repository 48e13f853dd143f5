/**
 * The SpineTrack contract shared by devices, the simulator, the gateway and the server.
 *
 * <p>Nothing in this module performs I/O or starts threads: it is values, codecs and
 * catalogs. Decoders return a {@link dev.spinetrack.protocol.DecodeResult} instead of
 * throwing, so a malformed byte never stops a caller. The byte-exact specification lives in
 * {@code firmware-protocol/PROTOCOL.md}.
 */
package dev.spinetrack.protocol;
