package dev.spinetrack.gateway.ble.tinyb;

import dev.spinetrack.gateway.ble.BleUnavailableException;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import tinyb.BluetoothAdapter;
import tinyb.BluetoothManager;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

class TinybNativesTest {

    private static <T> T mock(Class<T> type) {
        return Mockito.mock(type, withSettings().mockMaker(org.mockito.MockMakers.SUBCLASS));
    }

    @Test
    void picksTheCarrierJarFolderForEachSupportedCpu() {
        assertEquals("native/linux/x86_64", TinybNatives.nativeDir("Linux", "amd64"));
        assertEquals("native/linux/x86_32", TinybNatives.nativeDir("Linux", "i386"));
        assertEquals("native/arm/armv6", TinybNatives.nativeDir("Linux", "arm"));
    }

    @Test
    void carrierJarHoldsTheNativesOfThisLayout() {
        for (String dir : List.of("native/linux/x86_64", "native/linux/x86_32", "native/arm/armv6")) {
            for (String lib : List.of("libtinyb.so", "libjavatinyb.so")) {
                assertTrue(getClass().getClassLoader().getResource(dir + "/" + lib) != null, dir + "/" + lib);
            }
        }
    }

    @Test
    void unsupportedCpuSaysWhatToCheckAndOffersSimulate() {
        BleUnavailableException e = assertThrows(BleUnavailableException.class,
                () -> TinybNatives.nativeDir("Linux", "aarch64"));
        assertAdvice(e, "aarch64");
    }

    @Test
    void otherOperatingSystemsAreRefusedClearly() {
        assertAdvice(assertThrows(BleUnavailableException.class, () -> TinybNatives.nativeDir("Mac OS X", "x86_64")),
                "Linux");
    }

    @Test
    void noAdapterIsOneClearError() {
        BluetoothManager m = mock(BluetoothManager.class);
        when(m.getAdapters()).thenReturn(List.of());
        assertAdvice(assertThrows(BleUnavailableException.class, () -> TinybNatives.checkAdapter(m)), "no Bluetooth adapter");
    }

    @Test
    void unpoweredAdapterIsOneClearError() {
        BluetoothManager m = mock(BluetoothManager.class);
        BluetoothAdapter a = mock(BluetoothAdapter.class);
        when(a.getPowered()).thenReturn(false);
        when(m.getAdapters()).thenReturn(List.of(a));
        assertAdvice(assertThrows(BleUnavailableException.class, () -> TinybNatives.checkAdapter(m)), "powered");
    }

    @Test
    void poweredAdapterPasses() {
        BluetoothManager m = mock(BluetoothManager.class);
        BluetoothAdapter a = mock(BluetoothAdapter.class);
        when(a.getPowered()).thenReturn(true);
        when(m.getAdapters()).thenReturn(List.of(a));
        TinybNatives.checkAdapter(m);
    }

    private static void assertAdvice(BleUnavailableException e, String cause) {
        String m = e.getMessage();
        assertTrue(m.contains(cause), m);
        assertTrue(m.contains("bluetoothd"), m);
        assertTrue(m.contains("DBUS_SYSTEM_BUS_ADDRESS"), m);
        assertTrue(m.contains("--simulate"), m);
    }
}
