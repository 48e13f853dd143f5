package dev.spinetrack.gateway.testing;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Asks a broker what it allows with a bare MQTT 5 CONNECT written byte by byte from the
 * specification (§3.1, §3.2), so a test learns the broker's limits without the client library
 * the code under test uses.
 */
public final class BrokerProbe {

    private BrokerProbe() {
    }

    /** The Receive Maximum of the broker's CONNACK (§3.2.2.3.3): 65,535 when the property is absent. */
    public static int receiveMaximum(String brokerUrl) throws IOException {
        URI u = URI.create(brokerUrl);
        try (Socket s = new Socket(u.getHost(), u.getPort())) {
            s.setSoTimeout(5_000);
            byte[] id = ("probe-" + System.nanoTime()).getBytes(StandardCharsets.US_ASCII);
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            // protocol name "MQTT", level 5, flags: clean start, keep alive 30 s, no properties
            body.write(new byte[]{0, 4, 'M', 'Q', 'T', 'T', 5, 0x02, 0, 30, 0});
            body.write(id.length >> 8);
            body.write(id.length);
            body.write(id);
            OutputStream out = s.getOutputStream();
            out.write(0x10);
            out.write(body.size()); // under 128: one byte of remaining length
            out.write(body.toByteArray());
            out.flush();
            DataInputStream in = new DataInputStream(s.getInputStream());
            int type = in.readUnsignedByte();
            if (type != 0x20) {
                throw new IOException("expected CONNACK (0x20), got 0x" + Integer.toHexString(type));
            }
            ByteBuffer ack = ByteBuffer.wrap(in.readNBytes(varInt(in)));
            ack.get(); // acknowledge flags
            int reason = ack.get() & 0xff;
            if (reason != 0) {
                throw new IOException("the broker refused the probe's CONNECT with reason 0x" + Integer.toHexString(reason));
            }
            int end = varInt(ack) + ack.position();
            int receiveMaximum = 65_535;
            while (ack.position() < end) {
                int property = ack.get() & 0xff;
                switch (property) {
                    case 0x21 -> receiveMaximum = ack.getShort() & 0xffff;
                    case 0x01, 0x17, 0x19, 0x24, 0x25, 0x28, 0x29, 0x2A -> ack.get();
                    case 0x13, 0x22, 0x23 -> ack.getShort();
                    case 0x02, 0x11, 0x18, 0x27 -> ack.getInt();
                    case 0x03, 0x08, 0x09, 0x12, 0x15, 0x16, 0x1A, 0x1C, 0x1F -> skipString(ack);
                    case 0x26 -> {
                        skipString(ack);
                        skipString(ack);
                    }
                    case 0x0B -> varInt(ack);
                    default -> throw new IOException("unknown CONNACK property 0x" + Integer.toHexString(property));
                }
            }
            out.write(new byte[]{(byte) 0xE0, 0}); // DISCONNECT, normal
            out.flush();
            return receiveMaximum;
        }
    }

    private static void skipString(ByteBuffer b) {
        b.position(b.position() + (b.getShort() & 0xffff));
    }

    private static int varInt(DataInputStream in) throws IOException {
        int value = 0;
        for (int shift = 0; ; shift += 7) {
            int b = in.readUnsignedByte();
            value |= (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
    }

    private static int varInt(ByteBuffer in) {
        int value = 0;
        for (int shift = 0; ; shift += 7) {
            int b = in.get() & 0xff;
            value |= (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
    }
}
