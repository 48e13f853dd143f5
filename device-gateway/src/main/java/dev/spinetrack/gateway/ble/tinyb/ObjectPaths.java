package dev.spinetrack.gateway.ble.tinyb;

import tinyb.BluetoothObject;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * D-Bus object paths of TinyB's objects, and what BlueZ's path layout says about them: a
 * device's GATT services are {@code <device>/serviceXXXX}, their characteristics
 * {@code <device>/serviceXXXX/charYYYY}. TinyB keeps every object's path in its local GDBus
 * proxy but only exposes it through a protected accessor; reading it is what lets the adapter
 * find one device's GATT objects in TinyB's local object cache, where TinyB's own lookups
 * ({@code getServices}, {@code getCharacteristics}, {@code find}) ask BlueZ over D-Bus about
 * every candidate object (see docs/bluez.md).
 */
final class ObjectPaths {

    private static final Method GET_OBJECT_PATH = objectPathAccessor();

    private ObjectPaths() {
    }

    /** The D-Bus object path of a TinyB object, read from its local proxy (no D-Bus call). */
    static String of(BluetoothObject o) {
        try {
            return (String) GET_OBJECT_PATH.invoke(o);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("TinyB's object path accessor is not accessible", e);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("reading a TinyB object path failed: " + cause, cause);
        }
    }

    /** The path of the object one level up ({@code /a/b/c} → {@code /a/b}), or "" for a top-level one. */
    static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "" : path.substring(0, slash);
    }

    private static Method objectPathAccessor() {
        try {
            Method m = BluetoothObject.class.getDeclaredMethod("getObjectPath");
            m.setAccessible(true);
            return m;
        } catch (NoSuchMethodException | RuntimeException e) {
            throw new ExceptionInInitializerError("this TinyB has no BluetoothObject.getObjectPath(): " + e);
        }
    }
}
