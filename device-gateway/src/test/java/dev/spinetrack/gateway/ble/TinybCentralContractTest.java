package dev.spinetrack.gateway.ble;

import dev.spinetrack.gateway.ble.tinyb.TinybCentral;
import dev.spinetrack.gateway.testing.ScriptedPeripheral;
import dev.spinetrack.protocol.gatt.CapabilitiesCodec;
import dev.spinetrack.protocol.gatt.GattProfile;
import org.mockito.MockSettings;
import org.mockito.Mockito;
import tinyb.BluetoothDevice;
import tinyb.BluetoothGattCharacteristic;
import tinyb.BluetoothGattService;
import tinyb.BluetoothManager;
import tinyb.BluetoothObject;
import tinyb.BluetoothNotification;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

/**
 * The central contract over the TinyB adapter, with TinyB's objects mocked (the hardware
 * boundary). TinyB's getters are native methods, so the mocks are subclasses
 * ({@link org.mockito.MockMakers#SUBCLASS}) that override them.
 */
class TinybCentralContractTest extends BleCentralContract {

    static {
        // TinyB's static initialisers print a "failed to load" line for natives these mocks never need
        java.io.PrintStream err = System.err;
        try {
            System.setErr(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
            Class.forName("tinyb.BluetoothObject");
            Class.forName("tinyb.BluetoothManager");
        } catch (ClassNotFoundException e) {
            throw new ExceptionInInitializerError(e);
        } finally {
            System.setErr(err);
        }
    }

    /** TinyB's protected path accessor, called on a mock (to stub it) as the adapter calls it. */
    private static String objectPath(BluetoothObject o) {
        try {
            Method m = BluetoothObject.class.getDeclaredMethod("getObjectPath");
            m.setAccessible(true);
            return (String) m.invoke(o);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T mock(Class<T> type) {
        MockSettings s = withSettings().mockMaker(org.mockito.MockMakers.SUBCLASS);
        return Mockito.mock(type, s);
    }

    @Override
    @SuppressWarnings("unchecked")
    protected Rig rig() {
        BluetoothManager manager = mock(BluetoothManager.class);
        BluetoothDevice device = mock(BluetoothDevice.class);
        BluetoothGattService service = mock(BluetoothGattService.class);
        BluetoothGattCharacteristic caps = mock(BluetoothGattCharacteristic.class);
        BluetoothGattCharacteristic stream = mock(BluetoothGattCharacteristic.class);
        BluetoothGattCharacteristic control = mock(BluetoothGattCharacteristic.class);
        AtomicBoolean connected = new AtomicBoolean();
        AtomicReference<BluetoothNotification<byte[]>> streamListener = new AtomicReference<>();
        AtomicReference<BluetoothNotification<Boolean>> connectedListener = new AtomicReference<>();
        List<byte[]> writes = new CopyOnWriteArrayList<>();

        when(manager.getDevices()).thenReturn(List.of(device));
        when(manager.startDiscovery()).thenReturn(true);
        when(device.getAddress()).thenReturn(ADDRESS);
        when(device.getName()).thenReturn(NAME);
        when(device.getRSSI()).thenReturn((short) RSSI);
        when(device.getUUIDs()).thenReturn(new String[] {GattProfile.SERVICE.toString()});
        when(device.connect()).thenAnswer(i -> {
            connected.set(true);
            return true;
        });
        when(device.disconnect()).thenAnswer(i -> {
            connected.set(false);
            return true;
        });
        when(device.getConnected()).thenAnswer(i -> connected.get());
        when(device.getServicesResolved()).thenReturn(true);
        when(manager.getServices()).thenReturn(List.of(service));
        when(objectPath(device)).thenReturn("/org/bluez/hci0/dev_C0_FF_EE_00_00_01");
        when(objectPath(service)).thenReturn("/org/bluez/hci0/dev_C0_FF_EE_00_00_01/service0010");
        doAnswer(i -> {
            connectedListener.set(i.getArgument(0));
            return null;
        }).when(device).enableConnectedNotifications(any());
        when(service.getUUID()).thenReturn(GattProfile.SERVICE.toString());
        when(service.getCharacteristics()).thenReturn(List.of(caps, stream, control));
        when(caps.getUUID()).thenReturn(GattProfile.CAPABILITIES.toString());
        when(caps.readValue()).thenReturn(CapabilitiesCodec.encode(ScriptedPeripheral.RACK));
        when(stream.getUUID()).thenReturn(GattProfile.SAMPLE_STREAM.toString());
        doAnswer(i -> {
            streamListener.set(i.getArgument(0));
            return null;
        }).when(stream).enableValueNotifications(any());
        when(control.getUUID()).thenReturn(GattProfile.CONTROL_POINT.toString());
        when(control.writeValue(any())).thenAnswer(i -> writes.add(((byte[]) i.getArgument(0)).clone()));

        TinybCentral central = new TinybCentral(manager, Duration.ofSeconds(1));
        return new Rig() {
            @Override
            public BleCentral central() {
                return central;
            }

            @Override
            public void notifySample(byte[] value) {
                streamListener.get().run(value);
            }

            @Override
            public void dropLink() {
                connected.set(false);
                connectedListener.get().run(false);
            }

            @Override
            public List<byte[]> controlWrites() {
                return writes;
            }
        };
    }
}
