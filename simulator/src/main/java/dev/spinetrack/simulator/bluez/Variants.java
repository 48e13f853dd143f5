package dev.spinetrack.simulator.bluez;

import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;

import java.util.List;

/** D-Bus values typed exactly as BlueZ's API documents type them (GDBus clients check types). */
final class Variants {

    private Variants() {
    }

    /** {@code s} */
    static Variant<String> string(String s) {
        return new Variant<>(s);
    }

    /** {@code b} */
    static Variant<Boolean> bool(boolean b) {
        return new Variant<>(b);
    }

    /** {@code n}: int16, as BlueZ types RSSI and TxPower. */
    static Variant<Short> int16(int n) {
        return new Variant<>((short) n);
    }

    /** {@code u} */
    static Variant<UInt32> uint32(long u) {
        return new Variant<>(new UInt32(u));
    }

    /** {@code as} */
    static Variant<?> strings(List<String> values) {
        return new Variant<>(values.toArray(new String[0]), "as");
    }

    /** {@code o} */
    static Variant<DBusPath> path(String path) {
        return new Variant<>(new DBusPath(path));
    }

    /** {@code ao} */
    static Variant<?> paths(List<String> paths) {
        return new Variant<>(paths.stream().map(DBusPath::new).toList(), "ao");
    }

    /** {@code ay} */
    static Variant<byte[]> bytes(byte[] value) {
        return new Variant<>(value.clone(), "ay");
    }
}
