package dev.spinetrack.server.ingest;

import dev.spinetrack.protocol.mqtt.StoredBundle;
import dev.spinetrack.protocol.mqtt.StoredConfirmation;
import dev.spinetrack.protocol.mqtt.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The confirmations {@link StoredConfirmer} has noted and not sent yet, and the messages that send
 * them (PROTOCOL.md §7.6, §7.7): batches that came on their device's topic are confirmed there,
 * one message per device and boot; batches that came in bundles are confirmed in stored bundles,
 * one per gateway (split when large). Every confirmation says {@code "bundles": true}: that is how
 * a gateway learns that this server reads bundles. Not thread-safe: the confirmer locks.
 */
final class PendingConfirmations {

    private static final Logger LOG = LoggerFactory.getLogger(PendingConfirmations.class);

    /**
     * Most ranges in one stored bundle, whatever its confirmations: a bundle of 1000 full
     * confirmations would be tens of megabytes, beyond what gateways and brokers take in one
     * packet; this keeps it to a few hundred kilobytes.
     */
    static final int MAX_BUNDLE_RANGES = 10 * StoredConfirmation.MAX_RANGES;

    /** The batches of one device and boot, and whether they came in bundles. */
    record Stream(String gateway, String device, long boot, boolean bundled) {
    }

    /** Ranges of one stream that a message confirms, and their confirmation. */
    record Part(Stream stream, List<long[]> ranges, StoredConfirmation confirmation) {
        Part(Stream stream, List<long[]> ranges) {
            this(stream, ranges, new StoredConfirmation(1, stream.gateway(), stream.device(), stream.boot(), ranges, true));
        }
    }

    /**
     * One message to publish.
     *
     * @param topic   where it goes
     * @param payload a {@link StoredConfirmation} or a {@link StoredBundle}
     * @param parts   what it confirms, noted again when it cannot be sent now
     */
    record Message(String topic, Object payload, List<Part> parts) {
        /** For logs: the gateway, and the device unless it is a bundle. */
        String target() {
            Stream s = parts.get(0).stream();
            return payload instanceof StoredBundle ? s.gateway() + " (bundle)" : s.gateway() + "/" + s.device();
        }
    }

    private final Map<Stream, List<long[]>> pending = new LinkedHashMap<>();

    /** Notes a batch as done. */
    void add(ConfirmKey k) {
        pending.computeIfAbsent(new Stream(k.gateway(), k.device(), k.boot(), k.bundled()), s -> new ArrayList<>())
                .add(new long[] {k.firstSeq(), k.lastSeq()});
    }

    boolean isEmpty() {
        return pending.isEmpty();
    }

    /**
     * Takes everything noted as messages: per device and boot as before bundles, in the order
     * first noted, at most {@link StoredConfirmation#MAX_RANGES} ranges each; then the bundled
     * ones per gateway, at most {@link StoredBundle#MAX_CONFIRMATIONS} confirmations and
     * {@link #MAX_BUNDLE_RANGES} ranges a message.
     */
    List<Message> drain() {
        List<Message> out = new ArrayList<>();
        Map<String, List<Part>> bundled = new LinkedHashMap<>();
        for (Map.Entry<Stream, List<long[]>> e : pending.entrySet()) {
            Stream s = e.getKey();
            List<long[]> ranges = e.getValue();
            for (int from = 0; from < ranges.size(); from += StoredConfirmation.MAX_RANGES) {
                Part part;
                try {
                    part = new Part(s, new ArrayList<>(ranges.subList(from,
                            Math.min(ranges.size(), from + StoredConfirmation.MAX_RANGES))));
                } catch (IllegalArgumentException ex) {
                    // a key no confirmation can carry: the gateway cannot be told; it sends the batch
                    // again, as after any lost confirmation, and that is refused and logged again
                    LOG.warn("Confirmation for {}/{} cannot be sent: {}", s.gateway(), s.device(), ex.getMessage());
                    continue;
                }
                if (s.bundled()) {
                    bundled.computeIfAbsent(s.gateway(), g -> new ArrayList<>()).add(part);
                } else {
                    out.add(new Message(Topics.stored(s.gateway(), s.device()), part.confirmation(), List.of(part)));
                }
            }
        }
        pending.clear();
        for (Map.Entry<String, List<Part>> e : bundled.entrySet()) {
            List<Part> chunk = new ArrayList<>();
            int ranges = 0;
            for (Part p : e.getValue()) {
                if (!chunk.isEmpty() && (chunk.size() == StoredBundle.MAX_CONFIRMATIONS
                        || ranges + p.ranges().size() > MAX_BUNDLE_RANGES)) {
                    out.add(bundle(e.getKey(), chunk));
                    chunk = new ArrayList<>();
                    ranges = 0;
                }
                chunk.add(p);
                ranges += p.ranges().size();
            }
            out.add(bundle(e.getKey(), chunk));
        }
        return out;
    }

    private static Message bundle(String gateway, List<Part> parts) {
        List<StoredConfirmation> confirmations = new ArrayList<>(parts.size());
        for (Part p : parts) {
            confirmations.add(p.confirmation());
        }
        return new Message(Topics.storedBundle(gateway), StoredBundle.of(gateway, confirmations), parts);
    }

    /** Notes again what a message confirms, when it could not be sent now. */
    void restore(Message m) {
        for (Part p : m.parts()) {
            pending.computeIfAbsent(p.stream(), s -> new ArrayList<>()).addAll(p.ranges());
        }
    }
}
