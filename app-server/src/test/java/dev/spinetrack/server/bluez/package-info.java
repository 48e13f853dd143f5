/**
 * End to end through TinyB's real natives: the simulator's BlueZ on a private D-Bus, the
 * gateway's TinyB path in a process of its own, a broker and the server.
 */
package dev.spinetrack.server.bluez;
