package dev.spinetrack.server.bench;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An MQTT 5 client that only publishes at QoS 1, for load generators (not the product): the
 * gateways a benchmark stands in for run on their own hardware, so what a benchmark spends to
 * play them on the server's machine should be as little as possible. Paho, which the gateway
 * uses, costs a token, a message copy and a callback per message and a packet per socket
 * write; here a caller writes whole packets into one buffer, {@link #flush()} sends them with
 * one socket write, and a reader thread counts PUBACKs. At most {@code window} messages are
 * unacknowledged (the broker's Receive Maximum if lower); {@link #publish} blocks beyond that.
 * Not thread-safe for publishing: one publishing thread.
 */
final class BareMqttPublisher implements AutoCloseable {

    private final Socket socket;
    private final OutputStream out;
    private final Thread reader;
    private final Semaphore window;
    private final AtomicLong acked = new AtomicLong();
    /** Packet ids in flight, so an id is never reused before its PUBACK; guarded by itself. */
    private final boolean[] inFlight = new boolean[65536];
    private int nextId = 1;
    private volatile IOException failure;
    private byte[] packet = new byte[8192];

    /** Connects with a clean start as {@code clientId} to {@code broker} ({@code tcp://host:port}). */
    BareMqttPublisher(String broker, String clientId, int window) throws IOException {
        URI uri = URI.create(broker);
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 10_000);
        out = new BufferedOutputStream(socket.getOutputStream(), 1 << 16);
        DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(socket.getInputStream(), 1 << 16));
        byte[] id = clientId.getBytes(StandardCharsets.UTF_8);
        // CONNECT: "MQTT", version 5, clean start, keep alive 0 (no pings needed), no properties
        byte[] variable = {0, 4, 'M', 'Q', 'T', 'T', 5, 0x02, 0, 0, 0};
        writeFixedHeader(0x10, variable.length + 2 + id.length);
        out.write(variable);
        out.write(id.length >> 8);
        out.write(id.length & 0xff);
        out.write(id);
        out.flush();
        int type = in.readUnsignedByte();
        byte[] connack = new byte[readRemainingLength(in)];
        in.readFully(connack);
        if (type != 0x20 || connack.length < 2 || connack[1] != 0) {
            throw new IOException("broker refused the connection: CONNACK type 0x" + Integer.toHexString(type)
                    + " reason " + (connack.length > 1 ? connack[1] & 0xff : -1));
        }
        this.window = new Semaphore(Math.min(window, receiveMaximum(connack)));
        reader = new Thread(() -> readAcks(in), "bare-mqtt-acks");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Queues one QoS 1 PUBLISH of {@code payload[0..length)} to {@code topic} (UTF-8 bytes);
     * sent at the next {@link #flush()} or when the buffer fills.
     */
    void publish(byte[] topic, byte[] payload, int length) throws IOException, InterruptedException {
        if (!window.tryAcquire()) {
            out.flush(); // the broker must see what we queued before it can acknowledge it
            window.acquire();
        }
        if (failure != null) {
            throw failure;
        }
        int id = takeId();
        int remaining = 2 + topic.length + 2 + 1 + length;
        writeFixedHeader(0x32, remaining);
        int n = 0;
        packet = ensure(packet, 5 + topic.length);
        packet[n++] = (byte) (topic.length >> 8);
        packet[n++] = (byte) topic.length;
        System.arraycopy(topic, 0, packet, n, topic.length);
        n += topic.length;
        packet[n++] = (byte) (id >> 8);
        packet[n++] = (byte) id;
        packet[n++] = 0; // no properties
        out.write(packet, 0, n);
        out.write(payload, 0, length);
    }

    /** Sends what {@link #publish} queued. */
    void flush() throws IOException {
        out.flush();
    }

    /** PUBACKs received so far: messages the broker took. */
    long acked() {
        return acked.get();
    }

    @Override
    public void close() throws IOException {
        try {
            out.write(0xE0); // DISCONNECT, normal
            out.write(0);
            out.flush();
        } finally {
            socket.close();
        }
    }

    private int takeId() {
        synchronized (inFlight) {
            while (inFlight[nextId]) {
                nextId = nextId == 65535 ? 1 : nextId + 1;
            }
            int id = nextId;
            inFlight[id] = true;
            nextId = nextId == 65535 ? 1 : nextId + 1;
            return id;
        }
    }

    private void readAcks(DataInputStream in) {
        try {
            while (true) {
                int type = in.readUnsignedByte();
                int length = readRemainingLength(in);
                byte[] body = new byte[length];
                in.readFully(body);
                if ((type & 0xf0) == 0x40 && length >= 2) {
                    int id = ((body[0] & 0xff) << 8) | (body[1] & 0xff);
                    synchronized (inFlight) {
                        inFlight[id] = false;
                    }
                    if (length == 2 || (body[2] & 0xff) < 0x80) {
                        acked.incrementAndGet();
                    }
                    window.release();
                }
            }
        } catch (IOException e) {
            if (!socket.isClosed() && !(e instanceof EOFException)) {
                failure = e;
            }
            window.release(65535); // wake a blocked publisher so it sees the failure
        }
    }

    private void writeFixedHeader(int type, int remaining) throws IOException {
        out.write(type);
        do {
            int digit = remaining & 0x7f;
            remaining >>>= 7;
            out.write(remaining > 0 ? digit | 0x80 : digit);
        } while (remaining > 0);
    }

    private static int readRemainingLength(DataInputStream in) throws IOException {
        int value = 0;
        for (int shift = 0; shift < 28; shift += 7) {
            int b = in.readUnsignedByte();
            value |= (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new IOException("malformed remaining length");
    }

    /** The Receive Maximum property (0x21) of a CONNACK body, 65535 when absent. */
    private static int receiveMaximum(byte[] connack) {
        int i = 2;
        int propsLength = 0;
        int shift = 0;
        while (i < connack.length) {
            int b = connack[i++] & 0xff;
            propsLength |= (b & 0x7f) << shift;
            shift += 7;
            if ((b & 0x80) == 0) {
                break;
            }
        }
        int end = Math.min(connack.length, i + propsLength);
        while (i < end) {
            int property = connack[i++] & 0xff;
            switch (property) {
                case 0x21:
                    return ((connack[i] & 0xff) << 8) | (connack[i + 1] & 0xff);
                case 0x24, 0x25, 0x28, 0x29, 0x2A, 0x01, 0x17, 0x19:
                    i += 1; // byte properties
                    break;
                case 0x13, 0x22:
                    i += 2; // two-byte integers
                    break;
                case 0x11, 0x27:
                    i += 4; // four-byte integers
                    break;
                case 0x12, 0x15, 0x1A, 0x1C, 0x1F, 0x03, 0x08:
                    i += 2 + (((connack[i] & 0xff) << 8) | (connack[i + 1] & 0xff)); // strings, binary
                    break;
                case 0x26: // user property: two strings
                    i += 2 + (((connack[i] & 0xff) << 8) | (connack[i + 1] & 0xff));
                    i += 2 + (((connack[i] & 0xff) << 8) | (connack[i + 1] & 0xff));
                    break;
                default:
                    return 65535; // unknown property: keep the protocol's default
            }
        }
        return 65535;
    }

    private static byte[] ensure(byte[] buffer, int size) {
        return buffer.length >= size ? buffer : new byte[Math.max(size, buffer.length * 2)];
    }
}
