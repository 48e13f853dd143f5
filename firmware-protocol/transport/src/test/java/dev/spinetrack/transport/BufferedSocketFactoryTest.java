package dev.spinetrack.transport;

import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BufferedSocketFactoryTest {

    @Test
    void readsWhatThePeerWroteThroughOneBufferedStream() throws Exception {
        byte[] sent = new byte[200_000];
        for (int i = 0; i < sent.length; i++) {
            sent[i] = (byte) (i * 31);
        }
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread writer = new Thread(() -> {
                try (Socket peer = server.accept(); OutputStream out = peer.getOutputStream()) {
                    out.write(sent);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            writer.start();
            // the way Paho connects: an unconnected socket from the factory, then connect
            try (Socket s = new BufferedSocketFactory().createSocket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()), 10_000);
                InputStream in = s.getInputStream();
                assertInstanceOf(ReceiveBuffer.class, in);
                assertSame(in, s.getInputStream(), "one stream per connection, or buffered bytes would be lost");
                byte[] got = new byte[sent.length];
                got[0] = (byte) in.read(); // a fixed header's first byte, alone
                int n = 1;
                while (n < got.length) {
                    int r = in.read(got, n, got.length - n);
                    if (r < 0) {
                        break;
                    }
                    n += r;
                }
                assertEquals(sent.length, n);
                assertArrayEquals(sent, got);
                assertEquals(-1, in.read());
            }
            writer.join(10_000);
        }
    }

    @Test
    void everySocketSendsAtOnceHoweverItIsConnected() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 4, InetAddress.getLoopbackAddress())) {
            InetSocketAddress at = new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort());
            BufferedSocketFactory factory = new BufferedSocketFactory();
            try (Socket unconnected = factory.createSocket();
                 Socket byHost = factory.createSocket("127.0.0.1", server.getLocalPort());
                 Socket byAddress = factory.createSocket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
                unconnected.connect(at, 10_000);
                assertTrue(unconnected.getTcpNoDelay(), "connected after creation, as Paho does");
                assertTrue(byHost.getTcpNoDelay(), "connected by the factory, by host name");
                assertTrue(byAddress.getTcpNoDelay(), "connected by the factory, by address");
                assertFalse(new Socket().getTcpNoDelay(), "a plain socket keeps Nagle: the check can fail");
            }
        }
    }
}
