package dev.spinetrack.server.ingest;

import dev.spinetrack.protocol.mqtt.DeviceInfo;
import dev.spinetrack.protocol.mqtt.DeviceState;
import dev.spinetrack.protocol.mqtt.DeviceStatus;
import dev.spinetrack.protocol.mqtt.GatewayStatus;
import dev.spinetrack.protocol.mqtt.Sample;
import dev.spinetrack.protocol.mqtt.SampleBatch;
import dev.spinetrack.server.session.IngestDisturbance;
import dev.spinetrack.server.session.IngestOutcome;
import dev.spinetrack.testing.Await;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Ingest over two workers, with a sink standing in for storage: each device's order, the
 * acknowledgement order across workers, confirmations right after the commit, gateway status
 * as a barrier and outages.
 */
class IngestPartitionsTest {

    private static final Duration LIMIT = Duration.ofSeconds(30);
    /** Two devices that the two workers split between them (checked in each test that needs it). */
    private static final String SLOW = "a1b2c3d4e5f0";

    /** What the sink saw, in the order it saw it: "device#batch@thread" or "gateway-status". */
    private final List<String> stored = Collections.synchronizedList(new ArrayList<>());
    private final List<Integer> committed = Collections.synchronizedList(new ArrayList<>());
    private final List<Integer> acks = Collections.synchronizedList(new ArrayList<>());
    private final IngestCounters counters = new IngestCounters(new SimpleMeterRegistry());
    private final CountDownLatch slowMayGo = new CountDownLatch(1);
    private volatile boolean holdSlow;
    private volatile boolean storageUp = true;
    private final IngestPartitions partitions = new IngestPartitions(2, 64, new Sink(), counters,
            new IngestPartitions.Outlet() {
                @Override
                public void committed(IngestWorker.Pending message) {
                    committed.add(message.id());
                }

                @Override
                public void flush() {
                }

                @Override
                public void acknowledge(IngestWorker.Pending message) {
                    acks.add(message.id());
                }
            }, new IngestDisturbance());

    @AfterEach
    void stop() {
        slowMayGo.countDown();
        partitions.close();
    }

    @Test
    void eachDeviceIsStoredInArrivalOrderOnOneWorkerAndAcknowledgementsFollowArrival() throws Exception {
        List<String> devices = new ArrayList<>();
        for (int d = 0; d < 8; d++) {
            devices.add(String.format("a1b2c3d4e5%02d", d));
        }
        int id = 0;
        for (int round = 0; round < 25; round++) {
            for (String d : devices) {
                partitions.put(batch(++id, d));
            }
        }
        int total = id;
        Await.until("all acknowledged", LIMIT, () -> acks.size() == total);
        List<Integer> expected = new ArrayList<>();
        for (int i = 1; i <= total; i++) {
            expected.add(i);
        }
        assertEquals(expected, acks, "acknowledged in arrival order");
        Map<String, List<Integer>> perDevice = new HashMap<>();
        Map<String, Set<String>> threads = new HashMap<>();
        Set<String> allThreads = new HashSet<>();
        synchronized (stored) {
            for (String s : stored) {
                String device = s.substring(0, s.indexOf('#'));
                perDevice.computeIfAbsent(device, k -> new ArrayList<>())
                        .add(Integer.parseInt(s.substring(s.indexOf('#') + 1, s.indexOf('@'))));
                threads.computeIfAbsent(device, k -> new HashSet<>()).add(s.substring(s.indexOf('@') + 1));
                allThreads.add(s.substring(s.indexOf('@') + 1));
            }
        }
        for (String d : devices) {
            List<Integer> ids = perDevice.get(d);
            assertEquals(25, ids.size(), d);
            for (int i = 1; i < ids.size(); i++) {
                assertTrue(ids.get(i) > ids.get(i - 1), d + " stored in arrival order: " + ids);
            }
            assertEquals(1, threads.get(d).size(), d + " stored by one worker");
        }
        assertEquals(2, allThreads.size(), "both workers stored: " + allThreads);
        assertEquals(total * 2L, counters.storedSamples());
    }

    @Test
    void aMessageStoredEarlyIsConfirmedAtOnceButAcknowledgedOnlyAfterThoseBeforeIt() throws Exception {
        String fast = otherWorkerThan(SLOW);
        holdSlow = true;
        partitions.put(batch(1, SLOW));
        partitions.put(batch(2, fast));
        Await.until("the later batch committed", LIMIT, () -> committed.contains(2));
        assertEquals(List.of(), acks, "nothing acknowledged before the first message is stored");
        slowMayGo.countDown();
        Await.until("both acknowledged", LIMIT, () -> acks.size() == 2);
        assertEquals(List.of(1, 2), acks);
        assertEquals(List.of(2, 1), committed, "confirmed as each committed");
    }

    @Test
    void aGatewayStatusWaitsForEverythingBeforeItAndIsStoredBeforeEverythingAfterIt() throws Exception {
        String fast = otherWorkerThan(SLOW);
        holdSlow = true;
        Thread mqtt = new Thread(() -> {
            try {
                partitions.put(batch(1, SLOW));
                partitions.put(new IngestWorker.Pending("spinetrack/v1/gw1/status", 2, 1, new MessageParser.Parsed(
                        new GatewayStatus(1, "gw1", DeviceState.LOST, 0, 0, 0, 0, 0, 0, 0, 0, null, null), null, null)));
                partitions.put(batch(3, fast));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        mqtt.start();
        Await.until("the first batch being stored", LIMIT, () -> !stored.isEmpty());
        mqtt.join(300); // whatever it can do while the first batch is held
        assertEquals(1, stored.size(), "neither the status nor the later batch overtook: " + stored);
        slowMayGo.countDown();
        Await.until("all acknowledged", LIMIT, () -> acks.size() == 3);
        mqtt.join(TimeUnit.SECONDS.toMillis(10));
        assertEquals(List.of(SLOW, "gateway-status", fast),
                stored.stream().map(s -> s.contains("#") ? s.substring(0, s.indexOf('#')) : s).toList());
        assertEquals(List.of(1, 2, 3), acks);
    }

    @Test
    void aStorageOutageHoldsEveryWorkerBackUntilStorageIsBack() throws Exception {
        String other = otherWorkerThan(SLOW);
        storageUp = false;
        partitions.put(batch(1, SLOW));
        partitions.put(batch(2, other));
        Await.until("the outage noticed", LIMIT, () -> partitions.outage() != null);
        Await.until("both retried", LIMIT, () -> stored.size() > 4);
        assertEquals(List.of(), acks);
        assertEquals(List.of(), committed);
        assertNotNull(partitions.outage());
        storageUp = true;
        Await.until("caught up", LIMIT, () -> acks.size() == 2);
        assertEquals(List.of(1, 2), acks);
        assertNull(partitions.outage());
        assertEquals(0, counters.badMessages(), "an outage is not a bad message");
    }

    private static String otherWorkerThan(String device) {
        for (int d = 0; d < 100; d++) {
            String candidate = String.format("b1b2c3d4e5%02d", d);
            if (IngestPartitions.partition(batch(0, candidate), 2) != IngestPartitions.partition(batch(0, device), 2)) {
                return candidate;
            }
        }
        throw new AssertionError("no device on the other worker");
    }

    private static IngestWorker.Pending batch(int id, String device) {
        List<Sample> samples = List.of(new Sample(2L * id, 10L * id, 0, 0, new double[] {1}, null),
                new Sample(2L * id + 1, 10L * id + 5, 0, 0, new double[] {1}, null));
        SampleBatch b = SampleBatch.of("gw1", device, id, 0, samples);
        return new IngestWorker.Pending("spinetrack/v1/gw1/" + device + "/samples", id, 1,
                new MessageParser.Parsed(b, null, null));
    }

    /** Stores nothing; records who stored what, holds the slow device while told to, fails while storage is down. */
    private final class Sink implements IngestWorker.Sink {
        @Override
        public List<IngestOutcome> samples(List<SampleBatch> batches) {
            for (SampleBatch b : batches) {
                stored.add(b.device() + "#" + b.batch() + "@" + Thread.currentThread().getName());
            }
            if (!storageUp) {
                throw new IllegalStateException("connection refused (test)");
            }
            if (holdSlow && batches.stream().anyMatch(b -> b.device().equals(SLOW))) {
                try {
                    assertTrue(slowMayGo.await(30, TimeUnit.SECONDS), "the test lets the slow device go");
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return batches.stream().map(b -> new IngestOutcome(b.samples().size(), 0, 0, false)).toList();
        }

        @Override
        public void info(DeviceInfo info) {
        }

        @Override
        public void status(DeviceStatus status) {
        }

        @Override
        public void gatewayStatus(GatewayStatus status) {
            stored.add("gateway-status");
        }

        @Override
        public boolean storageAvailable() {
            return storageUp;
        }
    }
}
