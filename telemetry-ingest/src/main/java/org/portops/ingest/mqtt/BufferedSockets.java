package org.portops.ingest.mqtt;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import javax.net.SocketFactory;

/**
 * Plain TCP sockets for Paho whose input is buffered and whose small writes leave at once.
 *
 * <p>Paho's receiver reads the socket's own stream through a {@code DataInputStream}: the fixed header byte, each
 * byte of the remaining length and the rest of the packet are separate reads, so every message costs several system
 * calls on the one thread that feeds the callback. Buffered, one read takes in as many messages as have arrived.
 * Paho asks for the stream once per connection and keeps reading it after a read timeout, which leaves a
 * {@link BufferedInputStream} consistent (a timed-out fill consumed nothing).
 *
 * <p>Nagle's algorithm is off: a subscriber's acknowledgements (PUBACK of a durable event) are tiny and must not
 * wait for more data to join them.
 */
public final class BufferedSockets extends SocketFactory {

    private static final int BUFFER_BYTES = 64 * 1024;

    @Override
    public Socket createSocket() throws SocketException {
        BufferedSocket socket = new BufferedSocket();
        socket.setTcpNoDelay(true);
        return socket;
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        Socket socket = createSocket();
        socket.bind(new InetSocketAddress(localHost, localPort));
        socket.connect(new InetSocketAddress(host, port));
        return socket;
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        Socket socket = createSocket();
        socket.bind(new InetSocketAddress(localAddress, localPort));
        socket.connect(new InetSocketAddress(address, port));
        return socket;
    }

    private Socket connected(InetSocketAddress address) throws IOException {
        Socket socket = createSocket();
        socket.connect(address);
        return socket;
    }

    private static final class BufferedSocket extends Socket {

        private InputStream input;

        @Override
        public synchronized InputStream getInputStream() throws IOException {
            if (input == null) {
                input = new BufferedInputStream(super.getInputStream(), BUFFER_BYTES);
            }
            return input;
        }
    }
}
