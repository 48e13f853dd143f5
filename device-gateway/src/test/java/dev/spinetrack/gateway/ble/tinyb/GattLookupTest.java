package dev.spinetrack.gateway.ble.tinyb;

import dev.spinetrack.gateway.ble.BleException;
import dev.spinetrack.protocol.gatt.GattProfile;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import tinyb.BluetoothDevice;
import tinyb.BluetoothGattCharacteristic;
import tinyb.BluetoothGattService;
import tinyb.BluetoothManager;
import tinyb.BluetoothObject;

import java.lang.reflect.Method;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

/** Which of TinyB's objects belong to a device, by BlueZ's object paths (TinyB mocked). */
class GattLookupTest {

    private static final UUID BATTERY = UUID.fromString("0000180f-0000-1000-8000-00805f9b34fb");
    private static final String DEV_A = "/org/bluez/hci0/dev_C0_FF_EE_00_00_0A";
    /** A prefix of A's path: "under the device" must mean under it, not merely starting alike. */
    private static final String DEV_AB = "/org/bluez/hci0/dev_C0_FF_EE_00_00_0AB";

    private final BluetoothManager manager = mock(BluetoothManager.class);
    private final BluetoothDevice deviceA = mock(BluetoothDevice.class);

    private static <T> T mock(Class<T> type) {
        return Mockito.mock(type, withSettings().mockMaker(org.mockito.MockMakers.SUBCLASS));
    }

    private static String path(BluetoothObject o) {
        try {
            Method m = BluetoothObject.class.getDeclaredMethod("getObjectPath");
            m.setAccessible(true);
            return (String) m.invoke(o);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static BluetoothGattService service(String path, UUID uuid) {
        BluetoothGattService s = mock(BluetoothGattService.class);
        when(path(s)).thenReturn(path);
        when(s.getUUID()).thenReturn(uuid.toString());
        return s;
    }

    private static BluetoothGattCharacteristic characteristic(UUID uuid) {
        BluetoothGattCharacteristic c = mock(BluetoothGattCharacteristic.class);
        when(c.getUUID()).thenReturn(uuid.toString());
        return c;
    }

    @Test
    void keepsTheServicesUnderTheDevicesPathAndClosesTheOthers() {
        when(path(deviceA)).thenReturn(DEV_A);
        BluetoothGattService mine = service(DEV_A + "/service0010", GattProfile.SERVICE);
        BluetoothGattService myBattery = service(DEV_A + "/service0020", BATTERY);
        BluetoothGattService other = service("/org/bluez/hci0/dev_C0_FF_EE_00_00_0B/service0010", GattProfile.SERVICE);
        BluetoothGattService lookAlike = service(DEV_AB + "/service0010", GattProfile.SERVICE);
        when(manager.getServices()).thenReturn(List.of(other, mine, lookAlike, myBattery));

        GattLookup g = GattLookup.of(manager, deviceA);

        assertEquals(List.of(GattProfile.SERVICE, BATTERY), g.services());
        verify(other).close();
        verify(lookAlike).close();
        verify(mine, never()).close();
    }

    @Test
    void walksAServicesCharacteristicsOnceAndOnlyForAServiceInUse() throws BleException {
        when(path(deviceA)).thenReturn(DEV_A);
        BluetoothGattService mine = service(DEV_A + "/service0010", GattProfile.SERVICE);
        BluetoothGattService battery = service(DEV_A + "/service0020", BATTERY);
        BluetoothGattCharacteristic caps = characteristic(GattProfile.CAPABILITIES);
        BluetoothGattCharacteristic stream = characteristic(GattProfile.SAMPLE_STREAM);
        when(mine.getCharacteristics()).thenReturn(List.of(caps, stream));
        when(manager.getServices()).thenReturn(List.of(mine, battery));
        GattLookup g = GattLookup.of(manager, deviceA);

        assertSame(caps, g.characteristic(GattProfile.SERVICE, GattProfile.CAPABILITIES, "read"));
        assertSame(stream, g.characteristic(GattProfile.SERVICE, GattProfile.SAMPLE_STREAM, "subscribe"));
        BleException missing = assertThrows(BleException.class,
                () -> g.characteristic(GattProfile.SERVICE, GattProfile.BOOT_RECORD, "read"));
        assertTrue(missing.getMessage().contains("has no such characteristic"), missing.getMessage());
        BleException noService = assertThrows(BleException.class,
                () -> g.characteristic(UUID.randomUUID(), GattProfile.CAPABILITIES, "read"));
        assertTrue(noService.getMessage().contains("no service"), noService.getMessage());

        verify(mine, times(1)).getCharacteristics();
        verify(battery, never()).getCharacteristics();
    }

    @Test
    void theParentOfAnObjectPathIsOneLevelUp() {
        assertEquals(DEV_A + "/service0010", ObjectPaths.parent(DEV_A + "/service0010/char0011"));
        assertEquals("", ObjectPaths.parent("/org"));
    }
}
