package dev.spinetrack.transport;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * A read buffer in front of a socket's input for its one reader thread. Paho reads each packet's
 * fixed header a byte at a time and the rest with array reads; {@link java.io.BufferedInputStream}
 * takes a lock on every call, this does not. (Paho's byte-at-a-time copies of each payload happen
 * later, over byte arrays: see the transport module's {@code CountingInputStream}.) Not for
 * several readers: Paho has one receiver thread per connection.
 */
public final class ReceiveBuffer extends InputStream {

    private final InputStream in;
    private final byte[] buf;
    private int pos;
    private int limit;

    /** Buffers {@code in} with {@code size} bytes. */
    public ReceiveBuffer(InputStream in, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("buffer size must be at least 1, was " + size);
        }
        this.in = Objects.requireNonNull(in, "in");
        this.buf = new byte[size];
    }

    @Override
    public int read() throws IOException {
        if (pos == limit && !fill()) {
            return -1;
        }
        return buf[pos++] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        if (pos == limit) {
            if (len >= buf.length) {
                return in.read(b, off, len); // a large read gains nothing from the copy
            }
            if (!fill()) {
                return -1;
            }
        }
        int n = Math.min(limit - pos, len);
        System.arraycopy(buf, pos, b, off, n);
        pos += n;
        return n;
    }

    @Override
    public int available() throws IOException {
        return (limit - pos) + in.available();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** Refills the empty buffer with what one read returns; false at end of stream. */
    private boolean fill() throws IOException {
        int n = in.read(buf, 0, buf.length);
        if (n <= 0) {
            return false;
        }
        pos = 0;
        limit = n;
        return true;
    }
}
