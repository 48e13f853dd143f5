package dev.spinetrack.server.ingest;

import dev.spinetrack.protocol.mqtt.DeviceInfo;
import dev.spinetrack.protocol.mqtt.DeviceStatus;
import dev.spinetrack.protocol.mqtt.GatewayStatus;
import dev.spinetrack.protocol.mqtt.SampleBatch;
import dev.spinetrack.server.session.IngestDisturbance;
import dev.spinetrack.server.session.IngestOutcome;
import dev.spinetrack.server.session.SampleProcessor;
import dev.spinetrack.server.storage.StorageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Stores parsed messages in arrival order on one thread and acknowledges each once its
 * effects are committed; {@link IngestPartitions} runs several, each for its share of the
 * devices. Sample batches already waiting when the worker gets to them (of any of its
 * devices, up to its group limit of messages and {@link #MAX_GROUP_SAMPLES}) are stored in one
 * transaction and acknowledged one by one after its commit: under load one commit and one
 * rollup update per device serve many messages, and at low load nothing waits for a group. When a group fails, its
 * messages are stored again one at a time, so one bad message only holds back itself. A
 * transaction that loses to another over locks (another instance storing the same devices) is
 * retried as it is, however often: that is never the message's fault.
 */
final class IngestWorker implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(IngestWorker.class);
    /** A group takes further waiting batches until it holds this many samples ... */
    static final int MAX_GROUP_SAMPLES = 5_000;
    /**
     * ... or this many messages by default. {@link IngestPartitions} gives each worker half of
     * its share of the receive window instead, because messages of a group stay unacknowledged
     * until it commits, and the broker sends nothing new (so nothing is parsed meanwhile) while
     * the whole window is unacknowledged.
     */
    static final int MAX_GROUP_MESSAGES = 10;
    /** Attempts of a message while the database answers, before it counts as never storable. */
    private static final int ATTEMPTS = 5;
    private static final long MAX_BACKOFF_MS = 10_000;

    /**
     * A message waiting for the worker: an MQTT message, or one batch of a sample bundle.
     *
     * @param acks whether finishing it acknowledges the MQTT message: false for every batch of a
     *             bundle but its last, which is released (in arrival order) only after all of them
     */
    record Pending(String topic, int id, int qos, MessageParser.Parsed parsed, boolean acks) {
        /** A message that is a whole MQTT message. */
        Pending(String topic, int id, int qos, MessageParser.Parsed parsed) {
            this(topic, id, qos, parsed, true);
        }

        SampleBatch batch() {
            return parsed.payload() instanceof SampleBatch b ? b : null;
        }
    }

    /** Where messages go: {@link SampleProcessor} in production. */
    interface Sink {
        /** Stores batches in one transaction; throws when none of them is stored. */
        List<IngestOutcome> samples(List<SampleBatch> batches);

        void info(DeviceInfo info);

        void status(DeviceStatus status);

        /** A gateway's status (its LWT marks its devices LOST). */
        default void gatewayStatus(GatewayStatus status) {
        }

        /** Whether the database answers at all (a storage outage, not a bad message, when it does not). */
        default boolean storageAvailable() {
            return true;
        }

        static Sink of(SampleProcessor processor) {
            return of(processor, () -> true);
        }

        static Sink of(SampleProcessor processor, java.util.function.BooleanSupplier storageProbe) {
            return new Sink() {
                @Override
                public List<IngestOutcome> samples(List<SampleBatch> batches) {
                    return processor.onSamples(batches);
                }

                @Override
                public void info(DeviceInfo info) {
                    processor.onInfo(info);
                }

                @Override
                public void status(DeviceStatus status) {
                    processor.onStatus(status);
                }

                @Override
                public void gatewayStatus(GatewayStatus status) {
                    processor.onGatewayStatus(status);
                }

                @Override
                public boolean storageAvailable() {
                    return storageProbe.getAsBoolean();
                }
            };
        }
    }

    /** Acknowledges a message to the broker, and confirms its batch to the gateway. */
    @FunctionalInterface
    interface Acknowledger {
        /** The message is done: its effects committed, or it can never be stored. */
        void ack(Pending message);

        /** Sends what {@link #ack} collected for the gateways; called after each transaction's acks. */
        default void flush() {
        }
    }

    private final BlockingQueue<Pending> queue;
    private final Sink sink;
    private final IngestCounters counters;
    private final Acknowledger acknowledger;
    private volatile boolean closing;
    private volatile String outage;
    private final IngestDisturbance disturbance;
    private final int maxGroupMessages;

    /**
     * @param capacity messages parsed but not stored; a full queue holds back the MQTT callback
     *                 thread, so a slow database holds back the stream instead of filling memory
     */
    IngestWorker(int capacity, Sink sink, IngestCounters counters, Acknowledger acknowledger) {
        this(capacity, sink, counters, acknowledger, new IngestDisturbance());
    }

    /**
     * @param disturbance told when a storage outage begins and ends (the silent-session sweep waits)
     */
    IngestWorker(int capacity, Sink sink, IngestCounters counters, Acknowledger acknowledger,
                 IngestDisturbance disturbance) {
        this(capacity, MAX_GROUP_MESSAGES, sink, counters, acknowledger, disturbance);
    }

    /**
     * @param maxGroupMessages most messages stored in one transaction
     */
    IngestWorker(int capacity, int maxGroupMessages, Sink sink, IngestCounters counters, Acknowledger acknowledger,
                 IngestDisturbance disturbance) {
        if (maxGroupMessages < 1) {
            throw new IllegalArgumentException("maxGroupMessages must be at least 1: " + maxGroupMessages);
        }
        this.maxGroupMessages = maxGroupMessages;
        this.disturbance = disturbance;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.sink = sink;
        this.counters = counters;
        this.acknowledger = acknowledger;
    }

    /** Queues a parsed message, waiting while the queue is full. */
    void put(Pending message) throws InterruptedException {
        queue.put(message);
    }

    /** Why storage is failing right now (the worker holds back and retries), or null when it works. */
    String outage() {
        return outage;
    }

    /** Stops after the current transaction; what is still queued stays unacknowledged for redelivery. */
    void close() {
        closing = true;
    }

    @Override
    public void run() {
        // Not stopped by interrupts: an interrupt inside a JDBC call can close H2's file channel.
        while (!closing) {
            Pending first;
            try {
                first = queue.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (first == null || closing) {
                continue;
            }
            List<Pending> group = first.batch() == null ? List.of(first) : groupFrom(first);
            for (int failures = 1; !closing; failures++) {
                try {
                    storeGroup(group);
                    break;
                } catch (RuntimeException e) {
                    // a defect of ours, not of the message or the database: a worker that died here
                    // would stall its devices silently, so it says so loudly and tries the same
                    // messages again (what a first try stored, storage drops as duplicates)
                    LOG.error("Ingest worker failed unexpectedly on {} ({} time(s)); trying its {} message(s) again",
                            first.topic(), failures, group.size(), e);
                    sleep(Math.min(MAX_BACKOFF_MS, 200L * failures));
                }
            }
        }
    }

    /** The batch and the batches queued right behind it (this is the only consumer, so peek then poll is safe). */
    private List<Pending> groupFrom(Pending first) {
        List<Pending> group = new ArrayList<>();
        group.add(first);
        int samples = first.batch().samples().size();
        Pending next;
        while (samples < MAX_GROUP_SAMPLES && group.size() < maxGroupMessages
                && (next = queue.peek()) != null && next.batch() != null) {
            queue.poll();
            group.add(next);
            samples += next.batch().samples().size();
        }
        return group;
    }

    private void storeGroup(List<Pending> group) {
        if (group.size() > 1) {
            List<SampleBatch> batches = new ArrayList<>(group.size());
            for (Pending p : group) {
                batches.add(p.batch());
            }
            for (int contended = 0; ; contended++) {
                try {
                    long start = System.nanoTime();
                    List<IngestOutcome> outcomes = sink.samples(batches);
                    counters.batchTimer().record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
                    for (int i = 0; i < group.size(); i++) {
                        count(batches.get(i), outcomes.get(i));
                        acknowledger.ack(group.get(i));
                    }
                    acknowledger.flush();
                    recovered();
                    return;
                } catch (RuntimeException e) {
                    if (StorageException.contention(e) && !closing) {
                        // lost to another instance's transaction over the same devices: the group
                        // as it is will succeed once that one commits
                        contended(group.get(0).topic(), contended, e);
                        continue;
                    }
                    LOG.warn("A group of {} batches failed ({}); storing them one at a time", group.size(), e.toString());
                    break;
                }
            }
        }
        for (Pending p : group) {
            if (closing) {
                return;
            }
            handleAlone(p);
        }
    }

    private void handleAlone(Pending p) {
        if (handle(p)) {
            acknowledger.ack(p);
            acknowledger.flush();
        }
    }

    /**
     * Applies one message in a transaction of its own, retrying a storage failure.
     *
     * @return whether it may be acknowledged (done, or never acceptable)
     */
    private boolean handle(Pending p) {
        MessageParser.Parsed parsed = p.parsed();
        if (parsed.rejectKind() != null) {
            counters.badMessage(parsed.rejectKind());
            LOG.warn("Rejected message on {}: {}", p.topic(), parsed.rejectReason());
            return true;
        }
        if (parsed.payload() == null) {
            return true;
        }
        long backoff = 200;
        int contentions = 0;
        for (int attempt = 1; ; attempt++) {
            try {
                apply(parsed.payload());
                recovered();
                return true;
            } catch (RuntimeException e) {
                if (closing) {
                    LOG.warn("Message on {} left unacknowledged at shutdown for redelivery: {}", p.topic(), e.toString());
                    return false;
                }
                if (StorageException.contention(e)) {
                    // not the message's fault and not an outage: it never counts as an attempt
                    contended(p.topic(), contentions++, e);
                    attempt--;
                    continue;
                }
                if (!sink.storageAvailable()) {
                    // an outage of any length: hold everything back (the broker stops sending once the
                    // unacknowledged window is full) and retry, never drop
                    if (outage == null) {
                        LOG.error("Storage unavailable, holding back ingest and retrying: {}", e.toString());
                    }
                    outage = "storage unavailable: " + e.getMessage();
                    disturbance.begin();
                    attempt = 0;
                } else if (attempt >= ATTEMPTS) {
                    counters.badMessage("unstorable");
                    LOG.error("Message on {} can never be stored ({} attempts while the database answers); "
                            + "rejected: {}", p.topic(), attempt, e.toString());
                    return true;
                } else {
                    LOG.warn("Message on {} failed (attempt {}), retrying: {}", p.topic(), attempt, e.toString());
                }
                sleep(backoff);
                backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
            }
        }
    }

    private void apply(Object payload) {
        if (payload instanceof SampleBatch batch) {
            long start = System.nanoTime();
            IngestOutcome out = sink.samples(List.of(batch)).get(0);
            counters.batchTimer().record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            count(batch, out);
        } else if (payload instanceof DeviceInfo info) {
            sink.info(info);
        } else if (payload instanceof DeviceStatus status) {
            sink.status(status);
        } else if (payload instanceof GatewayStatus status) {
            sink.gatewayStatus(status);
        }
    }

    /**
     * A transaction lost to another over locks (a lock wait timed out, a deadlock): waits a
     * random moment before trying again, so that two instances storing the same devices do not
     * keep colliding in step and the other's next transaction does not always win the lock.
     */
    private void contended(String topic, int times, RuntimeException e) {
        counters.contention();
        if (times == 0) {
            LOG.info("Message on {} lost a lock to another transaction; retrying: {}", topic, firstLine(e.getMessage()));
        } else if (times % 50 == 0) {
            LOG.warn("Message on {} still losing locks to other transactions after {} tries; retrying", topic, times);
        }
        sleep(ThreadLocalRandom.current().nextLong(20, 20 + Math.min(1_000, 50L << Math.min(times, 5))));
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int eol = message.indexOf('\n');
        return eol < 0 ? message : message.substring(0, eol).trim();
    }

    private void recovered() {
        if (outage != null) {
            LOG.info("Storage is back; catching up");
            outage = null;
            disturbance.end();
        }
    }

    private void count(SampleBatch batch, IngestOutcome out) {
        counters.samples(out.stored(), out.duplicates(), out.rejected());
        if (out.duplicates() > 0) {
            LOG.debug("Device {} batch {}: {} duplicate samples dropped", batch.device(), batch.batch(),
                    out.duplicates());
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
