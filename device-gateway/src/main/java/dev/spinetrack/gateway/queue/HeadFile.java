package dev.spinetrack.gateway.queue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The file {@code head}: the index of the oldest unacknowledged message, 8 bytes big-endian.
 * Written in place without fsync: a stale value only means some acknowledged messages are
 * published again (at least once), never that one is skipped.
 */
final class HeadFile implements AutoCloseable {

    private final FileChannel channel;
    private long written = -1;

    HeadFile(Path dir) throws IOException {
        channel = FileChannel.open(dir.resolve("head"), StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
    }

    /** The stored head, 0 for a new queue. */
    long read() throws IOException {
        ByteBuffer b = ByteBuffer.allocate(8);
        return channel.read(b, 0) < 8 ? 0 : b.flip().getLong();
    }

    void write(long head) throws IOException {
        if (head == written) {
            return;
        }
        channel.write(ByteBuffer.allocate(8).putLong(head).flip(), 0);
        written = head;
    }

    @Override
    public void close() throws IOException {
        channel.force(true);
        channel.close();
    }
}
