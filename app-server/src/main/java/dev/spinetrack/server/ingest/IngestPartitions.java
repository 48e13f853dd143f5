package dev.spinetrack.server.ingest;

import dev.spinetrack.protocol.mqtt.DeviceInfo;
import dev.spinetrack.protocol.mqtt.DeviceStatus;
import dev.spinetrack.protocol.mqtt.GatewayStatus;
import dev.spinetrack.protocol.mqtt.SampleBatch;
import dev.spinetrack.server.session.IngestDisturbance;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Ingest spread over several {@link IngestWorker}s, each storing the messages of its share of
 * the devices (device id hash modulo the worker count), so the cores store different devices
 * at the same time while each device's messages keep their arrival order on one worker.
 * <ul>
 *   <li>A message's effects are committed before anything is said about it: the
 *       {@link Outlet#committed} step (the gateways' stored confirmations, the store lag) runs on
 *       the worker right after its transaction, and the MQTT acknowledgement follows in
 *       <em>arrival order</em> across all workers ({@link ArrivalOrder}), as MQTT asks.</li>
 *   <li>A gateway's status (its will marks its devices LOST) concerns devices of every worker:
 *       it waits until everything before it is stored and is stored before anything after it.
 *       That wait happens on a dispatching thread of its own, never on the MQTT callback thread:
 *       a callback thread held for the length of a storage outage stops Paho reading the
 *       socket, and the connection dies of its keep-alive.</li>
 *   <li>A storage outage holds back each worker on its own and retries forever; the broker stops
 *       sending once the unacknowledged window is full.</li>
 *   <li>A sample bundle (PROTOCOL.md §7.7) comes as one message per batch, put one after another:
 *       each goes to its device's worker, so a device's batches keep their order within and across
 *       bundles, and only the last acknowledges the MQTT message, when arrival order releases it
 *       after all the others.</li>
 * </ul>
 */
final class IngestPartitions implements AutoCloseable {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(IngestPartitions.class);

    /** Where committed messages go. */
    interface Outlet {
        /** On the worker, right after the message's effects committed (or it can never be stored). */
        void committed(IngestWorker.Pending message);

        /** After each transaction's messages: sends what {@link #committed} collected. */
        void flush();

        /** The message may be acknowledged to the broker: called in arrival order, one at a time. */
        void acknowledge(IngestWorker.Pending message);
    }

    private final IngestWorker[] workers;
    private final Thread[] threads;
    private final java.util.concurrent.BlockingQueue<IngestWorker.Pending> inbox;
    private final Thread dispatcher;
    private final java.util.concurrent.LinkedBlockingQueue<IngestWorker.Pending> releasable =
            new java.util.concurrent.LinkedBlockingQueue<>();
    private final Thread acker;
    private final ArrivalOrder<IngestWorker.Pending> order;
    private final Object idle = new Object();
    private int unfinished; // guarded by idle
    private volatile boolean closing;
    /**
     * Samples held between arrival and the end of their storing, at most {@link #SAMPLE_BUDGET}:
     * the receive window counts messages, and a window that keeps 200 racks' two-sample messages
     * flowing would, filled with 500-sample batches, hold hundreds of megabytes.
     */
    private final Semaphore heldSamples = new Semaphore(SAMPLE_BUDGET);
    /** Most samples held at once (about 80 MB of 32-cell samples). */
    static final int SAMPLE_BUDGET = 250_000;

    /**
     * @param count     workers (threads)
     * @param window    the MQTT receive window: the most MQTT messages held unacknowledged at once;
     *                  each worker's queue holds as many (a full one, possible with bundles, holds
     *                  back the dispatcher, never the MQTT callback thread), and each worker groups
     *                  at most half its share into one transaction
     */
    IngestPartitions(int count, int window, IngestWorker.Sink sink, IngestCounters counters, Outlet outlet,
                     IngestDisturbance disturbance) {
        if (count < 1 || window < 1) {
            throw new IllegalArgumentException("workers and window must be at least 1: " + count + ", " + window);
        }
        // released in arrival order into a queue, acknowledged by a thread of its own: Paho is
        // never called while a lock of ours is held, so Paho's threads can never wait on us
        this.order = new ArrivalOrder<>(releasable::add);
        int maxGroup = Math.max(IngestWorker.MAX_GROUP_MESSAGES, window / (2 * count));
        IngestWorker.Acknowledger ack = new IngestWorker.Acknowledger() {
            @Override
            public void ack(IngestWorker.Pending message) {
                try {
                    outlet.committed(message);
                } finally {
                    heldSamples.release(weight(message));
                    order.finished(message);
                    synchronized (idle) {
                        unfinished--;
                        idle.notifyAll();
                    }
                }
            }

            @Override
            public void flush() {
                outlet.flush();
            }
        };
        this.workers = new IngestWorker[count];
        this.threads = new Thread[count];
        for (int i = 0; i < count; i++) {
            workers[i] = new IngestWorker(window, maxGroup, sink, counters, ack, disturbance);
            threads[i] = new Thread(workers[i], count == 1 ? "mqtt-ingest-worker" : "mqtt-ingest-worker-" + i);
            threads[i].setDaemon(true);
            threads[i].start();
        }
        // unbounded: the receive window counts MQTT messages, and a bundle is up to 1000 messages
        // here; a bounded inbox would block the MQTT callback thread. The sample budget bounds it.
        this.inbox = new java.util.concurrent.LinkedBlockingQueue<>();
        this.dispatcher = new Thread(this::dispatch, "mqtt-ingest-dispatch");
        dispatcher.setDaemon(true);
        dispatcher.start();
        this.acker = new Thread(() -> acknowledge(outlet), "mqtt-ingest-ack");
        acker.setDaemon(true);
        acker.start();
    }

    private void acknowledge(Outlet outlet) {
        try {
            while (!closing) {
                IngestWorker.Pending message = releasable.poll(200, TimeUnit.MILLISECONDS);
                if (message != null) {
                    try {
                        outlet.acknowledge(message);
                    } catch (RuntimeException e) {
                        LOG.warn("Could not acknowledge message {} on {}: {}", message.id(), message.topic(),
                                e.toString());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Workers storing concurrently. */
    int count() {
        return workers.length;
    }

    /**
     * Takes a parsed message, in arrival order (called by one thread): an MQTT message or one
     * batch of a bundle, a bundle's batches one after another. Waits only while the sample budget
     * is spent, never for room in the inbox (which is unbounded: a receive window of bundles is
     * many more messages here than the window counts).
     */
    void put(IngestWorker.Pending message) throws InterruptedException {
        heldSamples.acquire(weight(message)); // waits while the budget is spent: back-pressure, as a full queue
        order.arrived(message);
        inbox.put(message);
    }

    /** What a message counts against the sample budget. */
    static int weight(IngestWorker.Pending message) {
        return message.batch() == null ? 1 : Math.max(1, Math.min(SAMPLE_BUDGET, message.batch().samples().size()));
    }

    private void dispatch() {
        try {
            while (!closing) {
                IngestWorker.Pending message = inbox.poll(200, TimeUnit.MILLISECONDS);
                if (message != null && !closing) {
                    route(message);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Hands a message to its device's worker; a gateway status to worker 0, alone. */
    private void route(IngestWorker.Pending message) throws InterruptedException {
        synchronized (idle) {
            unfinished++;
        }
        if (message.parsed().payload() instanceof GatewayStatus) {
            awaitFinished(1);
            workers[0].put(message);
            awaitFinished(0);
        } else {
            workers[partition(message, workers.length)].put(message);
        }
    }

    /** Waits until at most {@code left} messages are unfinished (or shutdown begins). */
    private void awaitFinished(int left) throws InterruptedException {
        synchronized (idle) {
            while (unfinished > left && !closing) {
                idle.wait(200);
            }
        }
    }

    /** The worker of a message: by its device, so one device's messages stay in order. */
    static int partition(IngestWorker.Pending message, int count) {
        Object payload = message.parsed().payload();
        String key;
        if (payload instanceof SampleBatch b) {
            key = b.device();
        } else if (payload instanceof DeviceInfo i) {
            key = i.device();
        } else if (payload instanceof DeviceStatus s) {
            key = s.device();
        } else {
            key = message.topic(); // refused or empty: only its acknowledgement matters, kept in order anyway
        }
        return Math.floorMod(key == null ? 0 : key.hashCode(), count);
    }

    /** Why storage is failing right now for some worker, or null when it works for all. */
    String outage() {
        for (IngestWorker w : workers) {
            String o = w.outage();
            if (o != null) {
                return o;
            }
        }
        return null;
    }

    /** Stops every worker after its current transaction; what is queued stays unacknowledged. */
    @Override
    public void close() {
        closing = true;
        for (IngestWorker w : workers) {
            w.close();
        }
        synchronized (idle) {
            idle.notifyAll();
        }
        try {
            acker.join(2_000);
            dispatcher.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        for (Thread t : threads) {
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
