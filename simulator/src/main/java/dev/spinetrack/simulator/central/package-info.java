/**
 * A minimal reference central (connect, read, subscribe, SET_TIME, START_STREAM, reconnect)
 * used by the fast playback and the CLI; real centrals live in the gateway.
 */
package dev.spinetrack.simulator.central;
