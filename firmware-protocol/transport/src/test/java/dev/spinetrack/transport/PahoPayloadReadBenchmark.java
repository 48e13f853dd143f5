package dev.spinetrack.transport;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.TimeUnit;

/**
 * Reading one MQTT PUBLISH's payload the way Paho 1.2.5 does: {@code DataInputStream.readFully}
 * over a counting stream that only overrides {@code read()}, so every byte goes through the
 * socket stream's single-byte read. Compares the JDK's {@link BufferedInputStream} (a lock per
 * byte) with {@link ReceiveBuffer}. Run by hand:
 * {@code ./mvnw -B -pl firmware-protocol/transport test-compile exec:exec -Djmh.args=PahoPayloadRead}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PahoPayloadReadBenchmark {

    /** The socket stream's buffer. */
    @Param({"jdk-buffered", "receive-buffer"})
    public String buffer;

    /** Payload bytes: a 2-sample batch of 32 cells (~0.5 kB) and a 500-sample batch (~100 kB). */
    @Param({"512", "102400"})
    public int payload;

    private byte[] packet;
    private DataInputStream paho;

    @Setup
    public void setUp() {
        packet = new byte[payload];
        InputStream socket = new EndlessSocket();
        InputStream buffered = buffer.equals("receive-buffer") ? new ReceiveBuffer(socket, 64 * 1024)
                : new BufferedInputStream(socket, 64 * 1024);
        paho = new DataInputStream(new CountingInput(buffered));
    }

    @Benchmark
    public byte[] readPayload() throws IOException {
        paho.readFully(packet);
        return packet;
    }

    /** A connection that always has data: each read hands out what fits, as a busy socket does. */
    static final class EndlessSocket extends InputStream {
        private byte next;

        @Override
        public int read() {
            return next++ & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            for (int i = 0; i < len; i++) {
                b[off + i] = next++;
            }
            return len;
        }
    }

    /** Paho's {@code CountingInputStream}: counts, and overrides nothing but {@code read()}. */
    static final class CountingInput extends InputStream {
        private final InputStream in;
        private int counter;

        CountingInput(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            int i = in.read();
            if (i != -1) {
                counter++;
            }
            return i;
        }

        int counter() {
            return counter;
        }
    }
}
