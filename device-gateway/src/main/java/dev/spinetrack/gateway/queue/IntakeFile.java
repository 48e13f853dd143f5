package dev.spinetrack.gateway.queue;

import java.io.IOException;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One file of the intake log, mapped into memory so that recording a sample is a copy into the
 * page cache instead of a {@code write} call (the gateway records 20,000 of them a second at
 * 200 racks). A store into a shared file mapping is in the kernel's page cache as soon as it is
 * made, so a kill -9 loses nothing that was recorded, exactly as with {@code write}; a power
 * cut may lose what was not yet written back, as before.
 *
 * <p>The file has a fixed size ({@code capacity}), written in full when created, and the eight
 * bytes after the last record are always zero: a reader stops at a zero length. A record's body
 * goes in first, then the zero header of the next place, then its own header, so a process
 * killed mid-record leaves a zero header (nothing to read) or a header whose CRC does not match
 * (a torn record). A file no open batch needs any more is {@linkplain #reuseAs reused} under a
 * new number rather than deleted, because a mapping cannot be released on demand on Java 17 and
 * a deleted file's disk space would stay held until the garbage collector dropped its mapping.
 */
final class IntakeFile {

    static final int HEADER = 8;

    private final Path dir;
    private final MappedByteBuffer map;
    private Path path;
    private long no;
    private int size;

    private IntakeFile(Path dir, Path path, long no, MappedByteBuffer map) {
        this.dir = dir;
        this.path = path;
        this.no = no;
        this.map = map;
    }

    /**
     * A new, empty file number {@code no} of {@code capacity} bytes. Its blocks are written
     * (zeros) before it is mapped: a store into a hole of a full disk would kill the thread with
     * an {@link InternalError} from a SIGBUS, where a full disk must be an {@link IOException}
     * here, as it was from {@code write}. Files are reused, so this happens about three times a run.
     */
    static IntakeFile create(Path dir, long no, int capacity) throws IOException {
        Path p = pathFor(dir, no);
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            ByteBuffer zeros = ByteBuffer.allocate(1 << 20);
            for (long at = 0; at < capacity; ) {
                zeros.clear().limit((int) Math.min(zeros.capacity(), capacity - at));
                at += ch.write(zeros, at);
            }
            // the mapping outlives the channel
            MappedByteBuffer map = ch.map(FileChannel.MapMode.READ_WRITE, 0, capacity);
            return new IntakeFile(dir, p, no, map);
        }
    }

    static Path pathFor(Path dir, long no) {
        return dir.resolve(String.format("intake-%020d.log", no));
    }

    static boolean isIntakeFile(Path p) {
        return p.getFileName().toString().matches("intake-\\d{20}\\.log");
    }

    static long numberOf(Path f) {
        String n = f.getFileName().toString();
        return Long.parseLong(n.substring(7, n.length() - 4));
    }

    long number() {
        return no;
    }

    int size() {
        return size;
    }

    /** Whether a record of {@code length} bytes (header included) still fits before the end. */
    boolean fits(int length) {
        return size + length + HEADER <= map.capacity();
    }

    /**
     * Appends one record, {@code record[0..length)}, whose first {@value #HEADER} bytes are its
     * header (length and CRC) and the rest its body.
     */
    void append(byte[] record, int length) {
        int at = size;
        map.put(at + HEADER, record, HEADER, length - HEADER);
        map.putLong(at + length, 0L);
        // the header last, and not before the body: until it lands, the record does not exist
        VarHandle.releaseFence();
        map.put(at, record, 0, HEADER);
        size += length;
    }

    /** Renames this file to number {@code newNo} and empties it, for reuse. */
    void reuseAs(long newNo) throws IOException {
        Path target = pathFor(dir, newNo);
        map.putLong(0, 0L);
        Files.move(path, target);
        path = target;
        no = newNo;
        size = 0;
    }

    /** Deletes the file; its mapping goes with this object. */
    void delete() throws IOException {
        Files.deleteIfExists(path);
    }
}
