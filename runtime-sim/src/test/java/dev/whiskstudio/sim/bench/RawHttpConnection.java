package dev.whiskstudio.sim.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A lean HTTP/1.1 client on one keep-alive socket, for measuring servers without a general client's own overhead
 * (no executor hand-off, no selector thread): the request is written in one {@code write}, the response read on the
 * calling thread. Understands {@code Content-Length} and chunked bodies, and {@code Connection: close}.
 */
final class RawHttpConnection implements AutoCloseable {
    /** A response: status, the {@code x-openwhisk-activation-id} header if any, body. */
    record Response(int status, String activationId, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final String host;
    private final int port;
    private final byte[] hostHeader;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private final StringBuilder line = new StringBuilder(128);

    RawHttpConnection(String host, int port) {
        this.host = host;
        this.port = port;
        this.hostHeader = ("Host: " + host + ":" + port + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    private void connect() throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(host, port), 10_000);
        socket.setSoTimeout(120_000);
        in = new BufferedInputStream(socket.getInputStream(), 16384);
        out = socket.getOutputStream();
    }

    /**
     * POSTs {@code body} to {@code target} (path and query); {@code headers} are complete header lines, each ending
     * in CRLF, precomputed by the caller.
     */
    Response post(String target, byte[] headers, byte[] body) throws IOException {
        return send("POST", target, headers, body);
    }

    /** Sends one request and reads its response; connects first if needed (again after {@code Connection: close}). */
    Response send(String method, String target, byte[] headers, byte[] body) throws IOException {
        if (socket == null) {
            connect();
        }
        byte[] start = (method + " " + target + " HTTP/1.1\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] length = ("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] request = new byte[start.length + hostHeader.length + headers.length + length.length + body.length];
        int at = 0;
        System.arraycopy(start, 0, request, at, start.length);
        at += start.length;
        System.arraycopy(hostHeader, 0, request, at, hostHeader.length);
        at += hostHeader.length;
        System.arraycopy(headers, 0, request, at, headers.length);
        at += headers.length;
        System.arraycopy(length, 0, request, at, length.length);
        at += length.length;
        System.arraycopy(body, 0, request, at, body.length);
        out.write(request);
        out.flush();
        return readResponse();
    }

    private Response readResponse() throws IOException {
        String statusLine = readLine();
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long contentLength = -1;
        boolean chunked = false;
        boolean close = false;
        String activationId = null;
        String l;
        while (!(l = readLine()).isEmpty()) {
            int colon = l.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = l.substring(0, colon).trim();
            String value = l.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("Content-Length")) {
                contentLength = Long.parseLong(value);
            } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                chunked = value.toLowerCase().contains("chunked");
            } else if (name.equalsIgnoreCase("Connection")) {
                close = value.equalsIgnoreCase("close");
            } else if (name.equalsIgnoreCase("x-openwhisk-activation-id")) {
                activationId = value;
            }
        }
        byte[] body;
        if (chunked) {
            body = readChunked();
        } else if (contentLength >= 0) {
            body = in.readNBytes((int) contentLength);
            if (body.length < contentLength) {
                throw new EOFException("connection closed mid-response");
            }
        } else {
            body = in.readAllBytes();
            close = true;
        }
        if (close) {
            close();
        }
        return new Response(status, activationId, body);
    }

    private byte[] readChunked() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine();
            int semicolon = sizeLine.indexOf(';');
            int size = Integer.parseInt((semicolon >= 0 ? sizeLine.substring(0, semicolon) : sizeLine).trim(), 16);
            if (size == 0) {
                while (!readLine().isEmpty()) {
                    // trailers
                }
                return body.toByteArray();
            }
            byte[] chunk = in.readNBytes(size);
            if (chunk.length < size) {
                throw new EOFException("connection closed mid-chunk");
            }
            body.write(chunk);
            readLine();
        }
    }

    private String readLine() throws IOException {
        line.setLength(0);
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                int len = line.length();
                if (len > 0 && line.charAt(len - 1) == '\r') {
                    line.setLength(len - 1);
                }
                return line.toString();
            }
            line.append((char) c);
        }
        throw new EOFException("connection closed");
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
            socket = null;
        }
    }
}
