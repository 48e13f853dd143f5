/**
 * The simulator's virtual peripherals as a BlueZ-compatible service on a D-Bus bus of its own,
 * so that a real BlueZ client (TinyB's natives, {@code bluetoothctl}, the gateway) runs against
 * simulated devices without a radio. It follows BlueZ's D-Bus API documents
 * ({@code doc/org.bluez.Adapter.rst}, {@code Device.rst}, {@code GattService.rst},
 * {@code GattCharacteristic.rst}): an {@code org.freedesktop.DBus.ObjectManager} at {@code /},
 * one adapter {@code /org/bluez/hci0}, a {@code Device1} per peripheral, and its GATT services
 * and characteristics once connected. Differences from {@code bluetoothd} are listed in
 * docs/bluez.md.
 * <p>
 * {@link dev.spinetrack.simulator.bluez.BusDaemon} runs a private {@code dbus-daemon};
 * {@link dev.spinetrack.simulator.bluez.SimulatedBluez} serves peripherals on a bus.
 */
package dev.spinetrack.simulator.bluez;
