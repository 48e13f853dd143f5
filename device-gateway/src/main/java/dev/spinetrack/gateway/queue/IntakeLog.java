package dev.spinetrack.gateway.queue;

import dev.spinetrack.gateway.batch.Intake;
import dev.spinetrack.protocol.mqtt.Sample;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
 * <p>Every received sample is appended (one {@code write} each, no buffering in the process),
 * then a seal marker once the device's open batch reached the queue. On {@link #open} the
 * samples after a device's last marker are handed back for sealing. The log rolls to a new
 * file past {@value #ROLL_BYTES} bytes, and a file is deleted once no open batch starts in it.
 * Records are {@code [length u32][crc32 u32][body]}; a torn last record (kill mid-write) fails
 * its CRC and ends the file. A kill -9 loses nothing that was written (the kernel holds the
 * pages); a power cut may lose the unsynced tail, like the radio's own buffer.
 */
public final class IntakeLog implements Intake, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IntakeLog.class);
    static final long ROLL_BYTES = 8L * 1024 * 1024;
    private static final byte SAMPLE = 1;
    private static final byte SEALED = 2;

    /** Samples of one device and boot that were received but never sealed, in stream order. */
    public record Unsealed(String device, long boot, List<Sample> samples) {
    }

    private final Path dir;
    private final long rollBytes;
    private final Map<String, Long> openSince = new HashMap<>();
    private final ByteBuffer buf = ByteBuffer.allocate(64 + 32 * 8 + 64);
    private final java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    private FileChannel channel;
    private long fileNo;
    private long size;
    private final List<Unsealed> recovered;

    private IntakeLog(Path dir, List<Unsealed> recovered, long nextFileNo, long rollBytes) throws IOException {
        this.dir = dir;
        this.rollBytes = rollBytes;
        this.recovered = recovered;
        this.fileNo = nextFileNo;
        this.channel = create(nextFileNo);
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
            next = Math.max(next, fileNoOf(f) + 1);
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
            if (fileNoOf(f) < fileNo) {
                Files.deleteIfExists(f);
            }
        }
    }

    @Override
    public synchronized void received(String device, long boot, Sample s) {
        openSince.putIfAbsent(device, fileNo);
        byte[] id = device.getBytes(StandardCharsets.US_ASCII);
        buf.clear();
        buf.position(8);
        buf.put(SAMPLE).put((byte) id.length).put(id).putLong(boot).putLong(s.seq()).putLong(s.t())
                .putDouble(s.pitch()).putDouble(s.roll()).put((byte) s.p().length);
        for (double v : s.p()) {
            buf.putDouble(v);
        }
        buf.put((byte) (s.battery() == null ? -1 : s.battery()));
        write();
    }

    @Override
    public synchronized void sealed(String device) {
        openSince.remove(device);
        byte[] id = device.getBytes(StandardCharsets.US_ASCII);
        buf.clear();
        buf.position(8);
        buf.put(SEALED).put((byte) id.length).put(id);
        write();
        if (size >= rollBytes) {
            roll();
        }
    }

    @Override
    public synchronized void close() throws IOException {
        channel.close();
    }

    private void write() {
        int end = buf.position();
        crc.reset();
        crc.update(buf.array(), 8, end - 8);
        buf.putInt(0, end - 8).putInt(4, (int) crc.getValue());
        buf.flip();
        try {
            while (buf.hasRemaining()) {
                channel.write(buf);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing the intake log in " + dir + ": " + e.getMessage(), e);
        }
        size += end;
    }

    /** A new file; older files no open batch started in are deleted. */
    private void roll() {
        try {
            channel.close();
            channel = create(++fileNo);
            size = 0;
            long oldestNeeded = openSince.values().stream().mapToLong(Long::longValue).min().orElse(fileNo);
            for (Path f : files(dir)) {
                if (fileNoOf(f) < oldestNeeded) {
                    Files.deleteIfExists(f);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("rolling the intake log in " + dir + ": " + e.getMessage(), e);
        }
    }

    private FileChannel create(long no) throws IOException {
        return FileChannel.open(dir.resolve(String.format("intake-%020d.log", no)), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().matches("intake-\\d{20}\\.log")).sorted().toList();
        }
    }

    private static long fileNoOf(Path f) {
        String n = f.getFileName().toString();
        return Long.parseLong(n.substring(7, n.length() - 4));
    }

    /** Replays one file into {@code open}; returns 1 when it ended in a torn record. */
    private static int read(Path f, Map<String, List<Unsealed>> open) throws IOException {
        ByteBuffer all = ByteBuffer.wrap(Files.readAllBytes(f));
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        while (all.remaining() >= 8) {
            int len = all.getInt();
            int sum = all.getInt();
            if (len <= 0 || len > all.remaining()) {
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
