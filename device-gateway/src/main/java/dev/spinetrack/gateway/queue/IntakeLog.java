package dev.spinetrack.gateway.queue;

import dev.spinetrack.gateway.batch.Intake;
import dev.spinetrack.protocol.mqtt.Sample;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The on-disk record of samples the gateway holds in open (not yet sealed) batches, so that a
 * gateway killed with batches open loses none of them: the durable queue only sees sealed
 * batches, and a batch stays open for up to the batch age.
 *
 * <p>Every received sample is recorded, then a seal marker once the device's open batch reached
 * the queue. On {@link #open} the samples after a device's last marker are handed back for
 * sealing. Records are {@code [length u32][crc32 u32][body]} in memory-mapped files of a fixed
 * size ({@link IntakeFile}); a zero length ends a file, and a torn last record (kill mid-copy)
 * fails its CRC and ends it too. The log moves to another file past {@value #ROLL_BYTES} bytes,
 * and a file in which no open batch starts is reused (up to {@value #SPARE_FILES} kept) or
 * deleted. A kill -9 loses nothing that was recorded (the kernel holds the pages); a power cut
 * may lose the tail not yet written back, like the radio's own buffer.
 */
public final class IntakeLog implements Intake, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IntakeLog.class);
    static final long ROLL_BYTES = 8L * 1024 * 1024;
    static final int SPARE_FILES = 2;
    /** Room past the roll size: a record never spans files, and the largest is about 2.4 KiB. */
    private static final int SLACK = 64 * 1024;
    private static final byte SAMPLE = 1;
    private static final byte SEALED = 2;

    /** Samples of one device and boot that were received but never sealed, in stream order. */
    public record Unsealed(String device, long boot, List<Sample> samples) {
    }

    private final Path dir;
    private final long rollBytes;
    private final int capacity;
    private final Map<String, Long> openSince = new HashMap<>();
    /** One record: header, kind, id, boot, seq, t, angles, up to 255 cells and the battery. */
    private final ByteBuffer buf = ByteBuffer.allocate(4096);
    private final java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    /** This run's files before the current one, oldest first, and files ready for reuse. */
    private final ArrayDeque<IntakeFile> older = new ArrayDeque<>();
    private final ArrayDeque<IntakeFile> spare = new ArrayDeque<>();
    private final long firstFileNo;
    private IntakeFile file;
    private boolean closed;
    private final List<Unsealed> recovered;

    private IntakeLog(Path dir, List<Unsealed> recovered, long nextFileNo, long rollBytes) throws IOException {
        this.dir = dir;
        this.rollBytes = rollBytes;
        this.capacity = Math.toIntExact(rollBytes + SLACK);
        this.recovered = recovered;
        this.firstFileNo = nextFileNo;
        this.file = IntakeFile.create(dir, nextFileNo, capacity);
    }

    /**
     * Opens the log in {@code dir}, reads what a previous run left unsealed (see
     * {@link #recovered()}) and starts a new file. The caller seals the recovered samples into
     * the queue, then calls {@link #forgetRecovered()} to delete the old files.
     */
    public static IntakeLog open(Path dir) throws IOException {
        return open(dir, ROLL_BYTES);
    }

    /** {@link #open(Path)} with another file size to roll at (tests). */
    static IntakeLog open(Path dir, long rollBytes) throws IOException {
        Files.createDirectories(dir);
        List<Path> files = files(dir);
        Map<String, List<Unsealed>> open = new LinkedHashMap<>();
        int torn = 0;
        long next = 0;
        for (Path f : files) {
            torn += read(f, open);
            next = Math.max(next, IntakeFile.numberOf(f) + 1);
        }
        List<Unsealed> left = new ArrayList<>();
        for (List<Unsealed> perDevice : open.values()) {
            left.addAll(perDevice);
        }
        if (torn > 0) {
            LOG.warn("intake log {}: cut {} torn record(s) left by an interrupted write", dir, torn);
        }
        if (!left.isEmpty()) {
            LOG.info("intake log {}: {} sample(s) of {} device(s) were in open batches when the gateway stopped; "
                    + "sealing them into the queue", dir, left.stream().mapToInt(u -> u.samples().size()).sum(),
                    left.stream().map(Unsealed::device).distinct().count());
        }
        return new IntakeLog(dir, List.copyOf(left), next, rollBytes);
    }

    /** What a previous run received but never sealed, per device and boot, in stream order. */
    public List<Unsealed> recovered() {
        return recovered;
    }

    /** Deletes the previous run's files, once their recovered samples are safely in the queue. */
    public synchronized void forgetRecovered() throws IOException {
        for (Path f : files(dir)) {
            if (IntakeFile.numberOf(f) < firstFileNo) {
                Files.deleteIfExists(f);
            }
        }
    }

    @Override
    public synchronized void received(String device, long boot, Sample s) {
        byte[] id = device.getBytes(StandardCharsets.US_ASCII);
        buf.clear();
        buf.position(IntakeFile.HEADER);
        buf.put(SAMPLE).put((byte) id.length).put(id).putLong(boot).putLong(s.seq()).putLong(s.t())
                .putDouble(s.pitch()).putDouble(s.roll()).put((byte) s.p().length);
        for (double v : s.p()) {
            buf.putDouble(v);
        }
        buf.put((byte) (s.battery() == null ? -1 : s.battery()));
        if (!file.fits(buf.position())) {
            roll(); // before openSince: a batch that starts here starts in the new file
        }
        openSince.putIfAbsent(device, file.number());
        write();
    }

    @Override
    public synchronized void sealed(String device) {
        openSince.remove(device);
        byte[] id = device.getBytes(StandardCharsets.US_ASCII);
        buf.clear();
        buf.position(IntakeFile.HEADER);
        buf.put(SEALED).put((byte) id.length).put(id);
        if (!file.fits(buf.position())) {
            roll();
        }
        write();
        if (file.size() >= rollBytes) {
            roll();
        }
    }

    /** After close nothing more is recorded; the files stay for the next {@link #open}. */
    @Override
    public synchronized void close() {
        closed = true;
    }

    private void write() {
        if (closed) {
            throw new IllegalStateException("the intake log in " + dir + " is closed");
        }
        int end = buf.position();
        crc.reset();
        crc.update(buf.array(), IntakeFile.HEADER, end - IntakeFile.HEADER);
        buf.putInt(0, end - IntakeFile.HEADER).putInt(4, (int) crc.getValue());
        file.append(buf.array(), end);
    }

    /** Moves on to another file; older files no open batch started in are reused or deleted. */
    private void roll() {
        try {
            long no = file.number() + 1;
            older.addLast(file);
            long oldestNeeded = openSince.values().stream().mapToLong(Long::longValue).min().orElse(no);
            while (!older.isEmpty() && older.peekFirst().number() < oldestNeeded) {
                IntakeFile done = older.removeFirst();
                if (spare.size() < SPARE_FILES) {
                    spare.addLast(done);
                } else {
                    done.delete();
                }
            }
            IntakeFile reused = spare.pollFirst();
            if (reused != null) {
                reused.reuseAs(no);
                file = reused;
            } else {
                file = IntakeFile.create(dir, no, capacity);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("rolling the intake log in " + dir + ": " + e.getMessage(), e);
        }
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(IntakeFile::isIntakeFile).sorted().toList();
        }
    }

    /** Replays one file into {@code open}; returns 1 when it ended in a torn record. */
    private static int read(Path f, Map<String, List<Unsealed>> open) throws IOException {
        ByteBuffer all = ByteBuffer.wrap(Files.readAllBytes(f));
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        while (all.remaining() >= 8) {
            int len = all.getInt();
            int sum = all.getInt();
            if (len == 0 && sum == 0) {
                return 0; // the end of what was written: a file is longer than its records
            }
            if (len < 0 || len > all.remaining()) {
                return 1;
            }
            crc.reset();
            crc.update(all.array(), all.position(), len);
            if ((int) crc.getValue() != sum) {
                return 1;
            }
            ByteBuffer r = all.slice(all.position(), len);
            all.position(all.position() + len);
            byte kind = r.get();
            byte[] id = new byte[r.get()];
            r.get(id);
            String device = new String(id, StandardCharsets.US_ASCII);
            if (kind == SEALED) {
                open.remove(device);
                continue;
            }
            long boot = r.getLong();
            long seq = r.getLong();
            long t = r.getLong();
            double pitch = r.getDouble();
            double roll = r.getDouble();
            double[] p = new double[r.get()];
            for (int i = 0; i < p.length; i++) {
                p[i] = r.getDouble();
            }
            byte bat = r.get();
            List<Unsealed> perDevice = open.computeIfAbsent(device, d -> new ArrayList<>());
            Unsealed u = perDevice.isEmpty() ? null : perDevice.get(perDevice.size() - 1);
            if (u == null || u.boot() != boot) {
                u = new Unsealed(device, boot, new ArrayList<>());
                perDevice.add(u);
            }
            u.samples().add(new Sample(seq, t, pitch, roll, p, bat < 0 ? null : (int) bat));
        }
        return all.hasRemaining() ? 1 : 0;
    }
}
