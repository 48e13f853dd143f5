package dev.spinetrack.gateway.ble.sim;

import dev.spinetrack.gateway.ble.BleAdvertisement;
import dev.spinetrack.gateway.ble.BleCentral;
import dev.spinetrack.gateway.ble.BleConnection;
import dev.spinetrack.gateway.ble.BleException;
import dev.spinetrack.simulator.gatt.Advertisement;
import dev.spinetrack.simulator.gatt.GattException;
import dev.spinetrack.simulator.gatt.VirtualPeripheral;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A central whose radio is the simulator: a scan lists the virtual peripherals that are
 * advertising, a connection is their {@link dev.spinetrack.simulator.gatt.GattLink}.
 */
public final class SimulatedCentral implements BleCentral {

    private final Supplier<List<VirtualPeripheral>> peripherals;
    private final Runnable onClose;

    /**
     * @param peripherals the peripherals in range (asked at every scan, so a simulation may add some)
     * @param onClose     run when the central closes, e.g. to stop the simulation
     */
    public SimulatedCentral(Supplier<List<VirtualPeripheral>> peripherals, Runnable onClose) {
        this.peripherals = Objects.requireNonNull(peripherals, "peripherals");
        this.onClose = Objects.requireNonNull(onClose, "onClose");
    }

    @Override
    public List<BleAdvertisement> scan(Duration window) {
        List<BleAdvertisement> heard = new ArrayList<>();
        for (VirtualPeripheral p : peripherals.get()) {
            if (p.advertising()) {
                Advertisement a = p.advertisement();
                heard.add(new BleAdvertisement(a.address(), a.name(), a.rssi(), a.services()));
            }
        }
        return heard;
    }

    @Override
    public BleConnection connect(String address, int requestedMtu) throws BleException {
        for (VirtualPeripheral p : peripherals.get()) {
            if (p.advertisement().address().equalsIgnoreCase(address)) {
                try {
                    return new SimulatedConnection(address, p.advertisement().services(), p.connect(requestedMtu));
                } catch (GattException e) {
                    throw new BleException("connect to " + address + " failed: " + e.getMessage(), e);
                }
            }
        }
        throw new BleException("connect to " + address + " failed: no such peripheral in range");
    }

    @Override
    public void close() {
        onClose.run();
    }
}
