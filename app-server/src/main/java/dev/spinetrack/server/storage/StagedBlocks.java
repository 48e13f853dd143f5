package dev.spinetrack.server.storage;

import dev.spinetrack.protocol.mqtt.Sample;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * New samples a transaction stored but has not sent to the database yet, by device, for
 * {@link SampleStore#batching}. Used by the one thread that runs the transaction.
 */
final class StagedBlocks {

    private Map<String, List<Sample>> byDevice = new LinkedHashMap<>();

    void add(String device, List<Sample> fresh) {
        byDevice.computeIfAbsent(device, d -> new ArrayList<>()).addAll(fresh);
    }

    boolean isEmpty() {
        return byDevice.isEmpty();
    }

    /** What is held, which is forgotten here. */
    Map<String, List<Sample>> drain() {
        Map<String, List<Sample>> out = byDevice;
        byDevice = new LinkedHashMap<>();
        return out;
    }
}
