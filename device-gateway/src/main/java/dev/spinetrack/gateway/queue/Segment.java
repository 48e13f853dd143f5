package dev.spinetrack.gateway.queue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * One append-only segment file. A record is {@code [length u32][crc32 u32][weight u32][topicLen u16][topic][payload]},
 * big-endian, the CRC covering everything after it; {@code length} counts the bytes after the CRC.
 */
final class Segment implements AutoCloseable {

    static final int RECORD_HEADER = 8;
    private static final int MAX_RECORD = 64 * 1024 * 1024;

    /** Where a record sits in its file. */
    record Slot(long index, Segment segment, long position, int length) {
        /** Bytes this record takes on disk, header included. */
        int diskBytes() {
            return RECORD_HEADER + length;
        }
    }

    /** What {@link #recover} found: valid slots and whether a damaged tail was cut. */
    record Recovery(List<Slot> slots, int tornRecords) {
    }

    final long baseIndex;
    final Path path;
    private final FileChannel channel;
    private long size;
    private volatile int forces;

    private Segment(long baseIndex, Path path, FileChannel channel, long size) {
        this.baseIndex = baseIndex;
        this.path = path;
        this.channel = channel;
        this.size = size;
    }

    static Path pathFor(Path dir, long baseIndex) {
        return dir.resolve(String.format("seg-%020d.log", baseIndex));
    }

    static long baseIndexOf(Path file) {
        String n = file.getFileName().toString();
        return Long.parseLong(n.substring(4, n.length() - 4));
    }

    static Segment create(Path dir, long baseIndex) throws IOException {
        Path p = pathFor(dir, baseIndex);
        FileChannel ch = FileChannel.open(p, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        return new Segment(baseIndex, p, ch, 0);
    }

    /**
     * Opens an existing segment and reads every record; the first damaged or partial record and
     * everything after it are cut off (they can only be the tail of an interrupted write).
     */
    static Segment open(Path p, Recovery[] out) throws IOException {
        FileChannel ch = FileChannel.open(p, StandardOpenOption.READ, StandardOpenOption.WRITE);
        Segment s = new Segment(baseIndexOf(p), p, ch, ch.size());
        out[0] = s.recover();
        return s;
    }

    private Recovery recover() throws IOException {
        List<Slot> slots = new ArrayList<>();
        long pos = 0;
        long index = baseIndex;
        ByteBuffer header = ByteBuffer.allocate(RECORD_HEADER);
        int torn = 0;
        while (pos < size) {
            header.clear();
            int n = channel.read(header, pos);
            if (n < RECORD_HEADER) {
                torn = 1;
                break;
            }
            header.flip();
            int length = header.getInt();
            int crc = header.getInt();
            if (length < 6 || length > MAX_RECORD || pos + RECORD_HEADER + length > size) {
                torn = 1;
                break;
            }
            ByteBuffer body = ByteBuffer.allocate(length);
            channel.read(body, pos + RECORD_HEADER);
            CRC32 c = new CRC32();
            c.update(body.array());
            if ((int) c.getValue() != crc) {
                torn = 1;
                break;
            }
            slots.add(new Slot(index++, this, pos, length));
            pos += RECORD_HEADER + length;
        }
        if (torn > 0) {
            channel.truncate(pos);
            size = pos;
        }
        return new Recovery(slots, torn);
    }

    /** Appends a record; the caller knows its index. */
    Slot append(long index, String topic, byte[] payload, int weight) throws IOException {
        byte[] t = topic.getBytes(StandardCharsets.UTF_8);
        int length = 6 + t.length + payload.length;
        ByteBuffer buf = ByteBuffer.allocate(RECORD_HEADER + length);
        buf.position(RECORD_HEADER);
        buf.putInt(weight).putShort((short) t.length).put(t).put(payload);
        CRC32 c = new CRC32();
        c.update(buf.array(), RECORD_HEADER, length);
        buf.putInt(0, length).putInt(4, (int) c.getValue());
        buf.position(0);
        long pos = size;
        while (buf.hasRemaining()) {
            channel.write(buf, pos + buf.position());
        }
        size += buf.limit();
        return new Slot(index, this, pos, length);
    }

    QueuedMessage read(Slot slot) throws IOException {
        ByteBuffer body = ByteBuffer.allocate(slot.length());
        long at = slot.position() + RECORD_HEADER;
        while (body.hasRemaining()) {
            if (channel.read(body, at + body.position()) < 0) {
                throw new IOException("segment " + path + " ends inside record " + slot.index());
            }
        }
        byte[] b = body.array();
        ByteBuffer r = ByteBuffer.wrap(b);
        int weight = r.getInt();
        int topicLen = r.getShort() & 0xFFFF;
        String topic = new String(b, 6, topicLen, StandardCharsets.UTF_8);
        byte[] payload = new byte[b.length - 6 - topicLen];
        System.arraycopy(b, 6 + topicLen, payload, 0, payload.length);
        return new QueuedMessage(slot.index(), topic, payload, weight);
    }

    long size() {
        return size;
    }

    void force() throws IOException {
        channel.force(false);
        forces++;
    }

    /** How often this segment was forced to disk (tests). */
    int forces() {
        return forces;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    void delete() throws IOException {
        close();
        Files.deleteIfExists(path);
    }
}
