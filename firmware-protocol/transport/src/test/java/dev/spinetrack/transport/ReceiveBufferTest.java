package dev.spinetrack.transport;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ReceiveBufferTest {

    /** A socket-like source: each read returns at most {@code chunk} bytes, as TCP segments do. */
    private static InputStream trickle(byte[] data, int chunk) {
        return new ByteArrayInputStream(data) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, chunk));
            }
        };
    }

    @Test
    void mixedSingleAndArrayReadsGiveBackExactlyTheBytesInOrder() throws IOException {
        Random random = new Random(7);
        byte[] data = new byte[300_000];
        random.nextBytes(data);
        for (int[] sizes : new int[][] {{1, 1}, {16, 7}, {4096, 1500}, {64 * 1024, 65_000}}) {
            ReceiveBuffer in = new ReceiveBuffer(trickle(data, sizes[1]), sizes[0]);
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            byte[] chunk = new byte[100_000];
            while (true) {
                if (random.nextBoolean()) {
                    int b = in.read();
                    if (b < 0) {
                        break;
                    }
                    got.write(b);
                } else {
                    int off = random.nextInt(10);
                    int n = in.read(chunk, off, random.nextInt(chunk.length - off));
                    if (n < 0) {
                        break;
                    }
                    got.write(chunk, off, n);
                }
            }
            assertArrayEquals(data, got.toByteArray(), "buffer " + sizes[0] + ", segments of " + sizes[1]);
            assertEquals(-1, in.read(), "end of stream stays the end");
            assertEquals(-1, in.read(chunk, 0, 10));
        }
    }

    @Test
    void bytesAreUnsignedAndAvailableCountsBufferedPlusSource() throws IOException {
        ReceiveBuffer in = new ReceiveBuffer(trickle(new byte[] {(byte) 0xff, 0x00, (byte) 0x80, 1, 2}, 3), 8);
        assertEquals(0xff, in.read());
        assertEquals(4, in.available(), "two buffered, two still in the source");
        assertEquals(0x00, in.read());
        assertEquals(0x80, in.read());
        assertEquals(0, in.read(new byte[4], 0, 0), "a read of nothing returns 0, not end of stream");
    }

    @Test
    void badArgumentsAreRefused() {
        ReceiveBuffer in = new ReceiveBuffer(new ByteArrayInputStream(new byte[4]), 8);
        assertThrows(IndexOutOfBoundsException.class, () -> in.read(new byte[4], 3, 2));
        assertThrows(IllegalArgumentException.class, () -> new ReceiveBuffer(new ByteArrayInputStream(new byte[0]), 0));
    }
}
