package dev.spinetrack.server.bench;

import dev.spinetrack.gateway.ble.BleAdvertisement;
import dev.spinetrack.gateway.ble.BleCentral;
import dev.spinetrack.gateway.ble.BleConnection;
import dev.spinetrack.gateway.ble.BleException;
import dev.spinetrack.protocol.gatt.GattProfile;
import dev.spinetrack.protocol.gatt.PacketReassembler;
import dev.spinetrack.protocol.gatt.SampleFrame;
import dev.spinetrack.protocol.mqtt.SequenceUnwrapper;
import dev.spinetrack.protocol.mqtt.Topics;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Notes when each sample reached the gateway as a BLE notification: wraps the central the
 * gateway uses and, before passing every SAMPLE_STREAM notification on, reassembles it the
 * way the gateway does and records {@link System#nanoTime()} per (device, unwrapped seq).
 * In {@link EndToEndLatencyBenchmark} the same process reads the clock when the WebSocket frame
 * of that sample arrives; {@link BenchGatewayProcess} hands the stamps to a {@link Sink} instead
 * and writes them out for the harness in another process.
 */
final class NotificationClock {

    /** Receives one stamp per sample: device id, unwrapped seq, nanoTime at the notification. */
    interface Sink {
        void stamp(String device, long seq, long nanos);
    }

    private final Map<String, Map<Long, Long>> emitted = new ConcurrentHashMap<>();
    private final Sink sink;

    /** Keeps the stamps in memory, for {@link #emittedNanos(String, long)}. */
    NotificationClock() {
        this.sink = (device, seq, nanos) -> emitted.computeIfAbsent(device, d -> new ConcurrentHashMap<>())
                .putIfAbsent(seq, nanos);
    }

    /** Gives every stamp to {@code sink}; {@link #emittedNanos(String, long)} then finds none. */
    NotificationClock(Sink sink) {
        this.sink = sink;
    }

    /** The central to give the gateway. */
    BleCentral wrap(BleCentral central) {
        return new BleCentral() {
            @Override
            public List<BleAdvertisement> scan(Duration window) throws BleException {
                return central.scan(window);
            }

            @Override
            public BleConnection connect(String address, int requestedMtu) throws BleException {
                return new TimedConnection(central.connect(address, requestedMtu));
            }

            @Override
            public void close() {
                central.close();
            }
        };
    }

    /** When the notification carrying a device's sample arrived, in nanoTime, or null when unseen. */
    Long emittedNanos(String device, long seq) {
        Map<Long, Long> bySeq = emitted.get(device);
        return bySeq == null ? null : bySeq.get(seq);
    }

    private final class TimedConnection implements BleConnection {
        private final BleConnection link;
        private final String device;
        private final PacketReassembler packets = new PacketReassembler();
        private final SequenceUnwrapper seqs = new SequenceUnwrapper();

        TimedConnection(BleConnection link) {
            this.link = link;
            this.device = Topics.deviceIdOf(link.address());
        }

        @Override
        public void subscribe(UUID service, UUID characteristic, Consumer<byte[]> onValue) throws BleException {
            if (!GattProfile.SAMPLE_STREAM.equals(characteristic)) {
                link.subscribe(service, characteristic, onValue);
                return;
            }
            link.subscribe(service, characteristic, bytes -> {
                long now = System.nanoTime();
                for (SampleFrame f : packets.accept(bytes).frames()) {
                    sink.stamp(device, seqs.unwrap(f.sequence()), now);
                }
                onValue.accept(bytes);
            });
        }

        @Override
        public String address() {
            return link.address();
        }

        @Override
        public int mtu() {
            return link.mtu();
        }

        @Override
        public boolean connected() {
            return link.connected();
        }

        @Override
        public List<UUID> discoverServices() throws BleException {
            return link.discoverServices();
        }

        @Override
        public byte[] read(UUID service, UUID characteristic) throws BleException {
            return link.read(service, characteristic);
        }

        @Override
        public void write(UUID service, UUID characteristic, byte[] value) throws BleException {
            link.write(service, characteristic, value);
        }

        @Override
        public void onDisconnect(Consumer<String> onReason) {
            link.onDisconnect(onReason);
        }

        @Override
        public void close() {
            link.close();
        }
    }
}
