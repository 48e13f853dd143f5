package dev.spinetrack.transport;

import javax.net.SocketFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * Plain TCP sockets whose input is buffered. Paho reads each packet's fixed header from the
 * socket one byte at a time (the type byte, then the remaining length byte by byte), which is
 * a system call per byte on a bare socket: two to five per MQTT message, the main cost of a
 * stream of small messages. Reading through a buffer takes whatever the kernel holds in one
 * call. Only for {@code tcp://}: TLS sockets already read whole records.
 *
 * <p>Nagle's algorithm is off ({@code TCP_NODELAY}) on every socket: with it on, a small packet
 * waits until the peer acknowledged the one before it, which the peer may delay by up to 40 ms
 * (Linux's delayed ACK). A publisher's batch then waits; and a subscriber's PUBACKs wait too,
 * which holds back the broker's next messages when the broker keeps Nagle on as well (Mosquitto's
 * default): both sides wait for the other's acknowledgement until the delayed-ACK timer fires.
 * Paho writes each packet whole, so each leaves as one segment.
 */
public final class BufferedSocketFactory extends SocketFactory {

    /** Bytes read from the kernel at once; a 500-sample batch is about 100 kB. */
    static final int BUFFER_BYTES = 64 * 1024;

    @Override
    public Socket createSocket() {
        return new BufferedSocket();
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port), null);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return connected(new InetSocketAddress(host, port), new InetSocketAddress(localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port), null);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return connected(new InetSocketAddress(address, port), new InetSocketAddress(localAddress, localPort));
    }

    private Socket connected(InetSocketAddress remote, InetSocketAddress local) throws IOException {
        Socket s = new BufferedSocket();
        try {
            if (local != null) {
                s.bind(local);
            }
            s.connect(remote);
            return s;
        } catch (IOException e) {
            s.close();
            throw e;
        }
    }

    /** A socket that hands out one buffered input stream (Paho asks for it once per connection). */
    private static final class BufferedSocket extends Socket {
        private InputStream in;

        BufferedSocket() {
            try {
                setTcpNoDelay(true);
            } catch (java.net.SocketException e) {
                throw new IllegalStateException("cannot switch off Nagle's algorithm: " + e.getMessage(), e);
            }
        }

        @Override
        public synchronized InputStream getInputStream() throws IOException {
            if (in == null) {
                in = new ReceiveBuffer(super.getInputStream(), BUFFER_BYTES);
            }
            return in;
        }
    }
}
