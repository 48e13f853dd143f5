package dev.spinetrack.transport;

import org.eclipse.paho.mqttv5.common.packet.util.CountingInputStream;
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

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.TimeUnit;

/**
 * One of the two copies Paho makes of every received packet after it has read it into an array
 * ({@code MqttWireMessage.createWireMessage(byte[])}, then {@code MqttPublish(byte, byte[])}):
 * {@code DataInputStream.readFully} through a counting stream over a {@link ByteArrayInputStream}.
 * Compares Paho 1.2.5's counting stream (only {@code read()}: one locked call per byte) with the
 * copy spinetrack-transport ships (array reads passed on). Run by hand:
 * {@code ./mvnw -B -pl firmware-protocol/transport test-compile exec:exec -Djmh.args=PahoDecodeCopy}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PahoDecodeCopyBenchmark {

    /** Which counting stream. */
    @Param({"paho-1.2.5", "transport"})
    public String counter;

    /** Payload bytes: a 2-sample batch of 32 cells (~0.5 kB) and a 500-sample batch (~100 kB). */
    @Param({"512", "102400"})
    public int payload;

    private byte[] packet;
    private byte[] copy;

    @Setup
    public void setUp() {
        packet = new byte[payload];
        copy = new byte[payload];
    }

    @Benchmark
    public byte[] copyPayload() throws IOException {
        InputStream bytes = new ByteArrayInputStream(packet);
        InputStream counting = counter.equals("transport") ? new CountingInputStream(bytes)
                : new PahoPayloadReadBenchmark.CountingInput(bytes);
        new DataInputStream(counting).readFully(copy);
        return copy;
    }
}
