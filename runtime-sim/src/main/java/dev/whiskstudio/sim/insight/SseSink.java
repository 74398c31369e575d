package dev.whiskstudio.sim.insight;

import io.javalin.http.sse.SseClient;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.io.EndPoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.channels.NetworkChannel;

/**
 * One client's event-stream response, written through Javalin's server-sent events client, with a hold on the
 * connection under it (Jetty's end point) to size its socket buffer and to hang it up.
 */
final class SseSink implements EventSink {
    private static final Logger LOG = LoggerFactory.getLogger(SseSink.class);

    private final SseClient client;
    private final EndPoint endPoint;

    /**
     * @param socketSendBuffer bytes the kernel may hold for this client; fixed, so a client that stops reading
     *                         fills it soon, instead of after the megabytes the kernel would otherwise grow it to
     */
    SseSink(SseClient client, int socketSendBuffer) {
        this.client = client;
        this.endPoint = endPointOf(client);
        if (endPoint != null && endPoint.getTransport() instanceof NetworkChannel channel) {
            try {
                channel.setOption(StandardSocketOptions.SO_SNDBUF, socketSendBuffer);
            } catch (IOException | RuntimeException e) {
                LOG.debug("could not size the event stream's socket buffer: {}", e.getMessage());
            }
        }
    }

    private static EndPoint endPointOf(SseClient client) {
        try {
            ServletContextRequest request = ServletContextRequest.getServletContextRequest(client.ctx().req());
            return request == null ? null : request.getConnectionMetaData().getConnection().getEndPoint();
        } catch (RuntimeException e) {
            return null;
        }
    }

    @Override
    public void send(String event, String data) throws IOException {
        ensureOpen();
        client.sendEvent(event, data);
        ensureOpen();
    }

    @Override
    public void comment(String text) throws IOException {
        ensureOpen();
        client.sendComment(text);
        ensureOpen();
    }

    /** Javalin's client does not throw when a write fails: it marks itself terminated. */
    private void ensureOpen() throws IOException {
        if (client.terminated()) {
            throw new IOException("the client closed the event stream");
        }
    }

    @Override
    public void close() {
        client.close();
    }

    /**
     * Closes the connection under the response: a blocking write stuck on a client that does not read fails at
     * once, instead of when Jetty's idle timeout comes.
     */
    @Override
    public void abort() {
        if (endPoint != null) {
            try {
                endPoint.close();
            } catch (RuntimeException e) {
                LOG.debug("could not hang up an event stream: {}", e.getMessage());
            }
        }
        client.close();
    }
}
