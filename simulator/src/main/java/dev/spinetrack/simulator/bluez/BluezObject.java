package dev.spinetrack.simulator.bluez;

import org.freedesktop.dbus.interfaces.Properties;
import org.freedesktop.dbus.types.Variant;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One object BlueZ exports: a path, one {@code org.bluez.*} interface and its properties,
 * with {@code org.freedesktop.DBus.Properties} over them. Property changes go out as
 * {@code PropertiesChanged} through the {@link Signals} sink.
 */
abstract class BluezObject implements Properties {

    /** Where an object sends its signals. */
    interface Signals {
        void propertiesChanged(String path, String iface, Map<String, Variant<?>> changed);
    }

    private final String path;
    private final String iface;
    private final Set<String> writable;
    private final Map<String, Variant<?>> properties = new LinkedHashMap<>();
    protected final Signals signals;

    BluezObject(String path, String iface, Set<String> writable, Signals signals) {
        this.path = Objects.requireNonNull(path, "path");
        this.iface = iface;
        this.writable = writable;
        this.signals = signals;
    }

    @Override
    public String getObjectPath() {
        return path;
    }

    /** Its {@code org.bluez.*} interface name. */
    String iface() {
        return iface;
    }

    /** Its properties now, as {@code GetManagedObjects} and {@code InterfacesAdded} carry them. */
    synchronized Map<String, Variant<?>> snapshot() {
        return new LinkedHashMap<>(properties);
    }

    /** Sets a property without a signal (while the object is being built). */
    synchronized void init(String name, Variant<?> value) {
        properties.put(name, value);
    }

    /** Sets a property and signals it when the value changed. */
    void update(String name, Variant<?> value) {
        synchronized (this) {
            if (same(properties.get(name), value)) {
                return;
            }
            properties.put(name, value);
        }
        signals.propertiesChanged(path, iface, Map.of(name, value));
    }

    /** Sets a property and signals it even when the value is the same (a notification is an event). */
    void emit(String name, Variant<?> value) {
        synchronized (this) {
            properties.put(name, value);
        }
        signals.propertiesChanged(path, iface, Map.of(name, value));
    }

    synchronized Variant<?> property(String name) {
        return properties.get(name);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <A> A Get(String interfaceName, String propertyName) {
        Variant<?> v;
        synchronized (this) {
            v = iface.equals(interfaceName) ? properties.get(propertyName) : null;
        }
        if (v == null) {
            throw new UnknownProperty("No such property '" + propertyName + "' on " + interfaceName);
        }
        return (A) v;
    }

    @Override
    public <A> void Set(String interfaceName, String propertyName, A value) {
        if (!iface.equals(interfaceName) || property(propertyName) == null) {
            throw new UnknownProperty("No such property '" + propertyName + "' on " + interfaceName);
        }
        if (!writable.contains(propertyName)) {
            throw new PropertyReadOnly("Property '" + propertyName + "' is not writable");
        }
        update(propertyName, value instanceof Variant<?> v ? v : new Variant<>(value));
    }

    @Override
    public Map<String, Variant<?>> GetAll(String interfaceName) {
        return iface.equals(interfaceName) ? snapshot() : Map.of();
    }

    private static boolean same(Variant<?> a, Variant<?> b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a.getValue() instanceof byte[] x && b.getValue() instanceof byte[] y) {
            return Arrays.equals(x, y);
        }
        if (a.getValue() instanceof Object[] x && b.getValue() instanceof Object[] y) {
            return Arrays.equals(x, y);
        }
        return a.equals(b);
    }

    /** {@code org.freedesktop.DBus.Error.UnknownProperty} in name; the message says which. */
    static final class UnknownProperty extends org.freedesktop.dbus.exceptions.DBusExecutionException {
        private static final long serialVersionUID = 1L;

        UnknownProperty(String message) {
            super(message);
        }
    }

    /** {@code org.freedesktop.DBus.Error.PropertyReadOnly} in name; the message says which. */
    static final class PropertyReadOnly extends org.freedesktop.dbus.exceptions.DBusExecutionException {
        private static final long serialVersionUID = 1L;

        PropertyReadOnly(String message) {
            super(message);
        }
    }
}
