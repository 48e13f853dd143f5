package dev.spinetrack.simulator.bluez;

import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.annotations.DBusInterfaceName;
import org.freedesktop.dbus.exceptions.DBusExecutionException;
import org.freedesktop.dbus.interfaces.DBusInterface;
import org.freedesktop.dbus.types.Variant;

import java.util.Map;

/**
 * The BlueZ D-Bus interfaces the simulator serves, with the members BlueZ's API documents
 * give them (method names are D-Bus member names, hence capitalised).
 */
@SuppressWarnings("checkstyle:methodname")
public final class BluezApi {

    /** Well-known bus name of BlueZ. */
    public static final String BUS_NAME = "org.bluez";
    /** Interface names, as properties and signals spell them. */
    public static final String ADAPTER = "org.bluez.Adapter1";
    public static final String DEVICE = "org.bluez.Device1";
    public static final String GATT_SERVICE = "org.bluez.GattService1";
    public static final String GATT_CHARACTERISTIC = "org.bluez.GattCharacteristic1";

    private BluezApi() {
    }

    /** {@code org.bluez.Adapter1}: discovery and device removal. */
    @DBusInterfaceName(ADAPTER)
    public interface Adapter1 extends DBusInterface {
        void StartDiscovery();

        void StopDiscovery();

        void RemoveDevice(DBusPath device);

        void SetDiscoveryFilter(Map<String, Variant<?>> filter);
    }

    /** {@code org.bluez.Device1}: connection of one remote device. */
    @DBusInterfaceName(DEVICE)
    public interface Device1 extends DBusInterface {
        void Connect();

        void Disconnect();

        void ConnectProfile(String uuid);

        void DisconnectProfile(String uuid);

        void Pair();

        void CancelPairing();
    }

    /** {@code org.bluez.GattService1}: properties only. */
    @DBusInterfaceName(GATT_SERVICE)
    public interface GattService1 extends DBusInterface {
    }

    /** {@code org.bluez.GattCharacteristic1}: read, write and notifications of one characteristic. */
    @DBusInterfaceName(GATT_CHARACTERISTIC)
    public interface GattCharacteristic1 extends DBusInterface {
        byte[] ReadValue(Map<String, Variant<?>> options);

        void WriteValue(byte[] value, Map<String, Variant<?>> options);

        void StartNotify();

        void StopNotify();
    }

    /**
     * {@code org.bluez.Error.*} as far as the Java D-Bus library lets a name be chosen: the error
     * name on the wire is this class's binary name with dots ({@code ...BluezApi.Failed}); the
     * message carries BlueZ's reason text, which is what clients such as TinyB show.
     */
    public static class Failed extends DBusExecutionException {
        private static final long serialVersionUID = 1L;

        public Failed(String message) {
            super(message);
        }
    }

    /** The operation needs a connection (BlueZ's {@code org.bluez.Error.NotConnected}). */
    public static class NotConnected extends DBusExecutionException {
        private static final long serialVersionUID = 1L;

        public NotConnected(String message) {
            super(message);
        }
    }

    /** The attribute does not allow the operation ({@code org.bluez.Error.NotPermitted}). */
    public static class NotPermitted extends DBusExecutionException {
        private static final long serialVersionUID = 1L;

        public NotPermitted(String message) {
            super(message);
        }
    }

    /** The operation is not supported ({@code org.bluez.Error.NotSupported}). */
    public static class NotSupported extends DBusExecutionException {
        private static final long serialVersionUID = 1L;

        public NotSupported(String message) {
            super(message);
        }
    }

    /** The adapter is not powered ({@code org.bluez.Error.NotReady}). */
    public static class NotReady extends DBusExecutionException {
        private static final long serialVersionUID = 1L;

        public NotReady(String message) {
            super(message);
        }
    }

    /** The object does not exist ({@code org.bluez.Error.DoesNotExist}). */
    public static class DoesNotExist extends DBusExecutionException {
        private static final long serialVersionUID = 1L;

        public DoesNotExist(String message) {
            super(message);
        }
    }
}
