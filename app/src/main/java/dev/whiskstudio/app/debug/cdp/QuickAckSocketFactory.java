package dev.whiskstudio.app.debug.cdp;

import jdk.net.ExtendedSocketOptions;

import javax.net.SocketFactory;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;

/**
 * Sockets that acknowledge what they read at once. The Node.js inspector writes each protocol message on its own,
 * without {@code TCP_NODELAY}: after a command's answer, the events that follow it ({@code Debugger.resumed},
 * {@code Debugger.paused}) wait in Node's Nagle buffer until our side acknowledges the answer, and Linux delays that
 * acknowledgement by 40 ms. Every step would then take 40 ms more. Asking for a quick acknowledgement after each read
 * ({@code TCP_QUICKACK}, Linux only; elsewhere nothing changes) sends it at once. Our own writes go out unbuffered
 * ({@code TCP_NODELAY}) for the same reason on the other side.
 */
final class QuickAckSocketFactory extends SocketFactory {
    static final QuickAckSocketFactory INSTANCE = new QuickAckSocketFactory();

    private QuickAckSocketFactory() {
    }

    @Override
    public Socket createSocket() throws SocketException {
        QuickAckSocket socket = new QuickAckSocket();
        socket.setTcpNoDelay(true);
        return socket;
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        Socket s = createSocket();
        s.connect(new java.net.InetSocketAddress(host, port));
        return s;
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        Socket s = createSocket();
        s.bind(new java.net.InetSocketAddress(localHost, localPort));
        s.connect(new java.net.InetSocketAddress(host, port));
        return s;
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        Socket s = createSocket();
        s.connect(new java.net.InetSocketAddress(host, port));
        return s;
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        Socket s = createSocket();
        s.bind(new java.net.InetSocketAddress(localAddress, localPort));
        s.connect(new java.net.InetSocketAddress(address, port));
        return s;
    }

    private static final class QuickAckSocket extends Socket {
        private volatile boolean quickAck = true;
        private InputStream in;

        @Override
        public synchronized InputStream getInputStream() throws IOException {
            if (in == null) {
                quickAck = supportedOptions().contains(ExtendedSocketOptions.TCP_QUICKACK);
                in = new FilterInputStream(super.getInputStream()) {
                    @Override
                    public int read() throws IOException {
                        int b = super.read();
                        acknowledge();
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int n = super.read(buffer, offset, length);
                        acknowledge();
                        return n;
                    }
                };
            }
            return in;
        }

        /** The kernel turns quick acknowledgement off again by itself: it is asked for after every read. */
        private void acknowledge() {
            if (quickAck && !isClosed()) {
                try {
                    setOption(ExtendedSocketOptions.TCP_QUICKACK, true);
                } catch (IOException | UnsupportedOperationException e) {
                    quickAck = false;
                }
            }
        }
    }
}
