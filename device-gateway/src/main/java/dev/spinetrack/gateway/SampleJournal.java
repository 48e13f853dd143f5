package dev.spinetrack.gateway;

import dev.spinetrack.gateway.mqtt.Json;
import dev.spinetrack.protocol.mqtt.Sample;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Test instrumentation, off unless the system property {@value #PROPERTY} names a file: one line
 * per sample the gateway received from a device ({@code R}, before it is batched), and one per
 * batch the durable queue accepted ({@code Q}). Written apart from the batcher, queue and MQTT, with
 * an unbuffered append per line, so a kill -9 of the process loses at most a torn last line. The
 * delivery fault suite reads it as its record of what the devices produced.
 */
final class SampleJournal {

    static final String PROPERTY = "spinetrack.gateway.sample-journal";

    private final OutputStream out;

    private SampleJournal(OutputStream out) {
        this.out = out;
    }

    /** The journal the system property names, or null. */
    static SampleJournal fromSystemProperty() {
        String path = System.getProperty(PROPERTY);
        if (path == null || path.isBlank()) {
            return null;
        }
        try {
            return new SampleJournal(new FileOutputStream(path, true));
        } catch (IOException e) {
            throw new IllegalStateException("cannot open the sample journal " + path + ": " + e.getMessage(), e);
        }
    }

    /** {@code R <device> <boot> <sample JSON>}. */
    void received(String device, long boot, Sample s) {
        write("R\t" + device + "\t" + boot + "\t" + new String(Json.bytes(s), StandardCharsets.UTF_8) + "\n");
    }

    /** {@code Q <device> <boot> <seq,seq,...>}. */
    void queued(String device, long boot, java.util.List<Sample> samples) {
        StringBuilder b = new StringBuilder("Q\t").append(device).append('\t').append(boot).append('\t');
        for (int i = 0; i < samples.size(); i++) {
            b.append(i == 0 ? "" : ",").append(samples.get(i).seq());
        }
        write(b.append('\n').toString());
    }

    private synchronized void write(String line) {
        try {
            out.write(line.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("writing the sample journal: " + e.getMessage(), e);
        }
    }
}
