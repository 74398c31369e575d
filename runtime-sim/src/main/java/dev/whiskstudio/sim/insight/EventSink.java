package dev.whiskstudio.sim.insight;

import java.io.IOException;

/** Where one client's events are written: its open event-stream response. Used by one writer thread at a time. */
interface EventSink {

    /** Writes one event ({@code event:} and {@code data:} lines) and flushes it; fails when the client is gone. */
    void send(String event, String data) throws IOException;

    /** Writes a comment line (a keep-alive) and flushes it; fails when the client is gone. */
    void comment(String text) throws IOException;

    /** Ends the stream normally; safe to call more than once. */
    void close();

    /** Hangs up the connection now, failing a write that is stuck on a client that does not read. */
    void abort();
}
