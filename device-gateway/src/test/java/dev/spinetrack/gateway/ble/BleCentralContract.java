package dev.spinetrack.gateway.ble;

import dev.spinetrack.protocol.gatt.CapabilitiesCodec;
import dev.spinetrack.protocol.gatt.ControlCodec;
import dev.spinetrack.protocol.gatt.ControlCommand;
import dev.spinetrack.protocol.gatt.GattProfile;
import dev.spinetrack.testing.Await;
import dev.spinetrack.gateway.testing.ScriptedPeripheral;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every {@link BleCentral} adapter must do, run against each adapter with one SpineTrack
 * peripheral in range ({@link #ADDRESS}, {@link #NAME}, RSSI {@link #RSSI}, serving
 * {@link ScriptedPeripheral#RACK} as its capability record). Stacks deliver values and link
 * events on threads of their own (TinyB: GLib's main loop), so what arrives is awaited.
 */
public abstract class BleCentralContract {

    protected static final String ADDRESS = "C0:FF:EE:00:00:01";
    protected static final String NAME = "SpineTrack Rack";
    protected static final int RSSI = -55;
    /** Bounds a broken run only; a working stack delivers in milliseconds. */
    private static final Duration WAIT = Duration.ofSeconds(20);

    /** The hardware side the test drives. */
    protected interface Rig extends AutoCloseable {
        BleCentral central();

        /** Makes the peripheral send a sample-stream notification. */
        void notifySample(byte[] value);

        /** Makes the peripheral drop the link. */
        void dropLink();

        /** Values written to the control point so far. */
        List<byte[]> controlWrites();

        @Override
        default void close() {
        }
    }

    protected abstract Rig rig();

    private Rig rig;

    @BeforeEach
    void setUp() {
        rig = rig();
    }

    @AfterEach
    void tearDown() {
        rig.close();
    }

    private BleConnection connect() throws BleException {
        return rig.central().connect(ADDRESS, GattProfile.MAX_MTU);
    }

    @Test
    void scanHearsThePeripheralWithNameSignalAndService() throws Exception {
        List<BleAdvertisement> heard = rig.central().scan(Duration.ZERO);
        BleAdvertisement ad = heard.stream().filter(a -> a.address().equalsIgnoreCase(ADDRESS)).findFirst().orElseThrow();
        assertEquals(NAME, ad.name());
        assertEquals(RSSI, ad.rssi());
        assertTrue(ad.services().contains(GattProfile.SERVICE));
    }

    @Test
    void connectedPeripheralOffersTheSpineTrackService() throws Exception {
        try (BleConnection c = connect()) {
            assertTrue(c.connected());
            assertTrue(c.address().equalsIgnoreCase(ADDRESS));
            assertTrue(c.discoverServices().contains(GattProfile.SERVICE));
        }
    }

    @Test
    void readReturnsTheCapabilityRecordBytes() throws Exception {
        try (BleConnection c = connect()) {
            assertArrayEquals(CapabilitiesCodec.encode(ScriptedPeripheral.RACK),
                    c.read(GattProfile.SERVICE, GattProfile.CAPABILITIES));
        }
    }

    @Test
    void writeReachesTheControlPoint() throws Exception {
        byte[] setTime = ControlCodec.encode(new ControlCommand.SetTime(1_700_000_000_000L));
        try (BleConnection c = connect()) {
            c.write(GattProfile.SERVICE, GattProfile.CONTROL_POINT, setTime);
        }
        assertEquals(1, rig.controlWrites().size());
        assertArrayEquals(setTime, rig.controlWrites().get(0));
    }

    @Test
    void subscribedNotificationsArriveInOrder() throws Exception {
        List<byte[]> got = new CopyOnWriteArrayList<>();
        try (BleConnection c = connect()) {
            c.subscribe(GattProfile.SERVICE, GattProfile.SAMPLE_STREAM, got::add);
            rig.notifySample(new byte[] {(byte) 0xC0, 1});
            rig.notifySample(new byte[] {(byte) 0xC0, 2});
            Await.until(WAIT, () -> got.size() >= 2, () -> got.size() + " of 2 notifications");
        }
        assertEquals(2, got.size());
        assertArrayEquals(new byte[] {(byte) 0xC0, 1}, got.get(0));
        assertArrayEquals(new byte[] {(byte) 0xC0, 2}, got.get(1));
    }

    @Test
    void subscriptionsOutliveGarbageCollection() throws Exception {
        // TinyB's Java objects own native peers that a finalizer deletes, value callback and all
        List<byte[]> got = new CopyOnWriteArrayList<>();
        try (BleConnection c = connect()) {
            c.subscribe(GattProfile.SERVICE, GattProfile.SAMPLE_STREAM, got::add);
            for (int i = 0; i < 3; i++) {
                System.gc();
                System.runFinalization();
            }
            rig.notifySample(new byte[] {(byte) 0xC0, 3});
            Await.until(WAIT, () -> !got.isEmpty(), () -> "no notification after a GC");
        }
        assertArrayEquals(new byte[] {(byte) 0xC0, 3}, got.get(0));
    }

    @Test
    void linkLossIsReportedOnceWithAReason() throws Exception {
        List<String> reasons = new CopyOnWriteArrayList<>();
        BleConnection c = connect();
        c.onDisconnect(reasons::add);
        rig.dropLink();
        Await.until(WAIT, () -> !c.connected(), () -> "still connected");
        Await.until(WAIT, () -> !reasons.isEmpty(), () -> "no reason yet");
        c.close();
        assertEquals(1, reasons.size(), "reasons: " + reasons);
        assertFalse(reasons.get(0).isBlank());
    }

    @Test
    void closeDisconnectsAndReportsIt() throws Exception {
        List<String> reasons = new CopyOnWriteArrayList<>();
        BleConnection c = connect();
        c.onDisconnect(reasons::add);
        c.close();
        assertFalse(c.connected());
        assertEquals(1, reasons.size());
    }

    @Test
    void connectingToAnUnknownAddressFailsNamingIt() {
        BleException e = assertThrows(BleException.class,
                () -> rig.central().connect("AA:BB:CC:DD:EE:FF", GattProfile.MAX_MTU));
        assertTrue(e.getMessage().contains("AA:BB:CC:DD:EE:FF"), e.getMessage());
    }

    @Test
    void readingAMissingCharacteristicFails() throws Exception {
        try (BleConnection c = connect()) {
            BleException e = assertThrows(BleException.class,
                    () -> c.read(GattProfile.SERVICE, GattProfile.BATTERY_LEVEL));
            assertTrue(e.getMessage().contains(GattProfile.BATTERY_LEVEL.toString()), e.getMessage());
        }
    }
}
