package dev.spinetrack.gateway.queue;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * A bounded, ordered, on-disk FIFO of MQTT messages that survives process kills.
 *
 * <p>Records go to append-only segment files; the index of the oldest unacknowledged message
 * (the head) is kept in the file {@code head}. A message leaves the queue when it is
 * {@link #ack acknowledged}; acknowledgements may arrive out of order, the head advances over
 * the contiguous acknowledged prefix. The head file is written at most every 20 ms and on
 * close, so after a crash a few acknowledged messages may be published again: delivery is at
 * least once, receivers drop duplicates by (device, seq).
 *
 * <p><b>When full</b> ({@code maxBytes} of unacknowledged records), {@link #append} refuses the
 * new message with {@link QueueFullException}: what is already stored is never dropped, so the
 * broker receives an unbroken prefix of the stream. Refusals are counted in
 * {@link QueueCounters#rejectedFull()}, and the caller logs them.
 */
public final class DurableQueue implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DurableQueue.class);
    private static final long HEAD_WRITE_INTERVAL_NANOS = Duration.ofMillis(20).toNanos();

    private final Path dir;
    private final long maxBytes;
    private final long segmentBytes;
    private final FsyncPolicy fsync;
    private final HeadFile headFile;
    private final ArrayDeque<Segment> segments = new ArrayDeque<>();
    /** Segments a roll closed whose records were not yet forced ({@link FsyncPolicy#BEFORE_PUBLISH}). */
    private final ArrayList<Segment> unforced = new ArrayList<>();
    private final ArrayList<Segment.Slot> slots = new ArrayList<>();
    private int slotsStart;
    private final TreeSet<Long> ackedAhead = new TreeSet<>();
    private long head;
    private long tail;
    private long bytes;
    private long appended;
    private long acked;
    private long rejectedFull;
    private final long tornRecords;
    private long syncedTail;
    private long headWrittenAt;
    private boolean closed;

    private DurableQueue(Path dir, long maxBytes, long segmentBytes, FsyncPolicy fsync) throws IOException {
        this.dir = dir;
        this.maxBytes = maxBytes;
        this.segmentBytes = segmentBytes;
        this.fsync = fsync;
        Files.createDirectories(dir);
        this.headFile = new HeadFile(dir);
        long storedHead = headFile.read();
        int torn = 0;
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().matches("seg-\\d{20}\\.log")).sorted().toList();
        }
        long expected = -1;
        long firstSlot = -1;
        for (Path p : files) {
            Segment.Recovery[] rec = new Segment.Recovery[1];
            Segment seg = Segment.open(p, rec);
            torn += rec[0].tornRecords();
            if (expected >= 0 && seg.baseIndex > expected) {
                // the previous segment lost its tail (power cut under fsync=never): those indexes
                // are gone; placeholders keep index arithmetic simple and count as acknowledged
                LOG.warn("queue segment {} starts at {} but the previous one ends at {}: {} record(s) lost",
                        p.getFileName(), seg.baseIndex, expected, seg.baseIndex - expected);
                torn += (int) Math.min(Integer.MAX_VALUE, seg.baseIndex - expected);
                for (long i = expected; i < seg.baseIndex; i++) {
                    if (i >= storedHead) {
                        firstSlot = slots.isEmpty() ? i : firstSlot;
                        slots.add(null);
                        ackedAhead.add(i);
                    }
                }
            }
            segments.add(seg);
            for (Segment.Slot slot : rec[0].slots()) {
                if (slot.index() >= storedHead) {
                    firstSlot = slots.isEmpty() ? slot.index() : firstSlot;
                    slots.add(slot);
                    bytes += slot.diskBytes();
                }
            }
            expected = seg.baseIndex + rec[0].slots().size();
            tail = expected;
        }
        this.tornRecords = torn;
        head = slots.isEmpty() ? Math.max(storedHead, tail) : firstSlot;
        tail = Math.max(tail, head);
        advanceHead();
        syncedTail = tail;
        dropAckedSegments();
        if (torn > 0) {
            LOG.warn("queue {}: skipped {} damaged record(s) left by an interrupted write", dir, torn);
        }
        if (tail > head) {
            LOG.info("queue {}: {} message(s) from a previous run waiting to be published", dir, tail - head);
        }
    }

    /**
     * Opens (or creates) the queue in {@code dir}.
     *
     * @param maxBytes     bound on unacknowledged record bytes
     * @param segmentBytes a segment file is closed and a new one started past this size
     */
    public static DurableQueue open(Path dir, long maxBytes, long segmentBytes, FsyncPolicy fsync) throws IOException {
        if (maxBytes < 1024) {
            throw new IllegalArgumentException("queue bound must be at least 1024 bytes, was " + maxBytes);
        }
        if (segmentBytes < 1024) {
            throw new IllegalArgumentException("segment size must be at least 1024 bytes, was " + segmentBytes);
        }
        return new DurableQueue(dir, maxBytes, segmentBytes, fsync);
    }

    /**
     * Stores a message at the tail.
     *
     * @return its index
     * @throws QueueFullException when it does not fit under the bound (nothing stored)
     */
    public synchronized long append(String topic, byte[] payload, int weight) throws QueueFullException, IOException {
        requireOpen();
        long need = Segment.RECORD_HEADER + 6L + topic.length() * 3L + payload.length;
        if (bytes + need > maxBytes) {
            rejectedFull++;
            throw new QueueFullException("queue " + dir + " is full (" + bytes + " of " + maxBytes
                    + " bytes waiting for the broker); message for " + topic + " refused");
        }
        Segment active = segments.peekLast();
        if (active == null || active.size() >= segmentBytes) {
            if (active != null && fsync == FsyncPolicy.BEFORE_PUBLISH) {
                // forced by the next take that hands out one of its records, outside this lock: an
                // fsync here (17 ms median at 200 racks, up to 48) held up intake, drain and acks
                unforced.add(active);
            }
            active = Segment.create(dir, tail);
            segments.add(active);
        }
        Segment.Slot slot = active.append(tail, topic, payload, weight);
        slots.add(slot);
        bytes += slot.diskBytes();
        appended++;
        notifyAll();
        return tail++;
    }

    /**
     * The message at {@code index}, waiting up to {@code wait} for it to be appended; forced to
     * disk first under {@link FsyncPolicy#BEFORE_PUBLISH}.
     *
     * @return the message, or null when none arrived in time; a message already acknowledged
     *         is skipped to the head
     */
    public QueuedMessage take(long index, Duration wait) throws IOException, InterruptedException {
        Segment.Slot slot;
        long tailNow;
        synchronized (this) {
            long deadline = System.nanoTime() + wait.toNanos();
            while (!closed && Math.max(index, head) >= tail) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return null;
                }
                wait(Math.max(1, left / 1_000_000));
            }
            if (closed) {
                return null;
            }
            long at = Math.max(index, head);
            slot = slots.get(slotsStart + (int) (at - head));
            // skip placeholders and messages acknowledged ahead of the head (confirmed out of order)
            while ((slot == null || ackedAhead.contains(at)) && ++at < tail) {
                slot = slots.get(slotsStart + (int) (at - head));
            }
            if (slot == null || at >= tail) {
                return null;
            }
            tailNow = tail;
        }
        if (fsync == FsyncPolicy.BEFORE_PUBLISH && slot.index() >= syncedTail) {
            forceUpTo(tailNow);
        }
        return slot.segment().read(slot);
    }

    /**
     * Forces every record below {@code tailNow} to disk: the segments rolls closed since the last
     * force, then the active one. A rolled segment gets no more appends, so once forced it leaves
     * the list; the active one may have grown meanwhile and stays the next call's business.
     */
    private void forceUpTo(long tailNow) throws IOException {
        List<Segment> rolled;
        Segment active;
        synchronized (this) {
            rolled = List.copyOf(unforced);
            active = segments.peekLast();
        }
        for (Segment s : rolled) {
            s.force();
        }
        if (active != null) {
            active.force();
        }
        synchronized (this) {
            unforced.removeAll(rolled);
            syncedTail = Math.max(syncedTail, tailNow);
        }
    }

    /**
     * Marks a message as delivered (PUBACK received); it will not be handed out again.
     *
     * @return whether this was its first acknowledgement
     */
    public synchronized boolean ack(long index) throws IOException {
        if (closed || index < head || index >= tail || !ackedAhead.add(index)) {
            return false;
        }
        advanceHead();
        dropAckedSegments();
        long now = System.nanoTime();
        if (now - headWrittenAt > HEAD_WRITE_INTERVAL_NANOS) {
            headFile.write(head);
            headWrittenAt = now;
        }
        return true;
    }

    private void advanceHead() {
        while (!ackedAhead.isEmpty() && ackedAhead.first() == head) {
            ackedAhead.pollFirst();
            Segment.Slot slot = slots.get(slotsStart++);
            if (slot != null) {
                bytes -= slot.diskBytes();
                acked++;
            }
            head++;
        }
        if (slotsStart > 4096 && slotsStart > slots.size() / 2) {
            slots.subList(0, slotsStart).clear();
            slotsStart = 0;
        }
    }

    /** Index of the oldest message not yet acknowledged (equal to {@link #tail()} when empty). */
    public synchronized long head() {
        return head;
    }

    /** Index the next append gets. */
    public synchronized long tail() {
        return tail;
    }

    /** How often each live segment, oldest first, was forced to disk (tests). */
    synchronized List<Integer> segmentForces() {
        return segments.stream().map(Segment::forces).toList();
    }

    /** Messages waiting for their PUBACK. */
    public synchronized long depth() {
        return tail - head;
    }

    public synchronized QueueCounters counters() {
        return new QueueCounters(tail - head, bytes, appended, acked, rejectedFull, tornRecords);
    }

    private void dropAckedSegments() throws IOException {
        while (segments.size() > 1) {
            Segment oldest = segments.peekFirst();
            Segment next = segments.stream().skip(1).findFirst().orElseThrow();
            if (next.baseIndex > head) {
                return;
            }
            segments.pollFirst();
            unforced.remove(oldest);
            oldest.delete();
        }
    }

    private void requireOpen() throws IOException {
        if (closed) {
            throw new IOException("queue " + dir + " is closed");
        }
    }

    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        headFile.write(head);
        closed = true;
        notifyAll();
        for (Segment s : segments) {
            s.force();
            s.close();
        }
        headFile.close();
    }
}
