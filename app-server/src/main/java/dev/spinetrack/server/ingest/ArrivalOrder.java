package dev.spinetrack.server.ingest;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Releases messages in the order they arrived, however out of order they are finished. Several
 * ingest workers store different devices' messages concurrently, but MQTT 5 (§4.6) asks a
 * client to send its PUBACKs in the order the PUBLISH packets came: a message finished early
 * waits here until every message that arrived before it is finished too.
 * <p>
 * A message that is never finished (left unacknowledged at shutdown for redelivery) holds back
 * every later one, which is what redelivery wants: the broker sends them all again and storage
 * drops what it holds already. Messages are told apart by identity.
 *
 * @param <M> the message
 */
final class ArrivalOrder<M> {

    private final ArrayDeque<M> arrived = new ArrayDeque<>();
    private final Set<M> finished = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Consumer<M> release;

    /**
     * @param release called with each message once it and all before it are finished, in
     *                arrival order, one at a time (under this object's lock)
     */
    ArrivalOrder(Consumer<M> release) {
        this.release = release;
    }

    /** A message arrived: it is released after those that arrived before it. */
    synchronized void arrived(M message) {
        arrived.addLast(message);
    }

    /** A message is finished; releases it, and the finished ones behind it, once all before it are. */
    synchronized void finished(M message) {
        finished.add(message);
        while (!arrived.isEmpty() && finished.remove(arrived.peekFirst())) {
            release.accept(arrived.pollFirst());
        }
    }

    /** Messages arrived and not released yet. */
    synchronized int held() {
        return arrived.size();
    }
}
