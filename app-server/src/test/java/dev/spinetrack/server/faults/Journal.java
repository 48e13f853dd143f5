package dev.spinetrack.server.faults;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spinetrack.protocol.mqtt.Sample;
import dev.spinetrack.server.ingest.SampleIdentity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * The suite's oracle of what was produced: the journal the gateway process writes when started
 * with {@code -Dspinetrack.gateway.sample-journal=<file>} (one line per sample a device handed to
 * the gateway, before batching, queue, broker and server; one line per batch the durable queue
 * accepted). A file append per line, so no broker limit, subscription or restart can lose an entry;
 * a torn last line (kill -9) is skipped. Every gateway process of a case appends to the same file.
 */
final class Journal {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Samples received per device, by position (boot, seq). */
    final Map<String, NavigableMap<Long, Sample>> samples = new TreeMap<>();
    /** "device/position" keys of samples in batches the durable queue accepted. */
    final Set<String> queued = new HashSet<>();
    /** Identities journaled twice with different content: never expected. */
    long conflicts;
    /** Lines that could not be read (a torn last line after kill -9). */
    long torn;

    static Journal read(Path file) {
        Journal j = new Journal();
        if (!Files.exists(file)) {
            return j;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String line : lines) {
            String[] f = line.split("\t", 4);
            try {
                if (f.length != 4) {
                    throw new IllegalArgumentException("fields: " + f.length);
                }
                String device = f[1];
                long boot = Long.parseLong(f[2]);
                if (f[0].equals("R")) {
                    Sample s = JSON.readValue(f[3], Sample.class);
                    Sample before = j.samples.computeIfAbsent(device, d -> new TreeMap<>())
                            .putIfAbsent(SampleIdentity.position(boot, s.seq()), s);
                    if (before != null && !StreamObserver.sameContent(before, s)) {
                        j.conflicts++;
                    }
                } else if (f[0].equals("Q")) {
                    for (String seq : f[3].split(",")) {
                        j.queued.add(device + "/" + SampleIdentity.position(boot, Long.parseLong(seq)));
                    }
                } else {
                    throw new IllegalArgumentException("kind " + f[0]);
                }
            } catch (Exception e) {
                j.torn++;
            }
        }
        return j;
    }

    /** "device/position" keys of every sample received. */
    Set<String> keys() {
        Set<String> out = new HashSet<>();
        samples.forEach((d, m) -> m.keySet().forEach(k -> out.add(d + "/" + k)));
        return out;
    }
}
