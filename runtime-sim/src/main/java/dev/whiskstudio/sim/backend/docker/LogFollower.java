package dev.whiskstudio.sim.backend.docker;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Follows a container's log stream and cuts it into lines per stream: Docker's frames are chunks of output, not
 * lines, and a character may be split between two of them. The stream ends when the container stops.
 */
final class LogFollower extends ResultCallback.Adapter<Frame> {
    /** A line longer than this is handed on in pieces, so a program printing without newlines cannot fill memory. */
    static final int MAX_LINE_BYTES = 256 * 1024;

    /** Where the lines go; called on the stream's thread. */
    interface Sink {
        void line(boolean stderr, String text);

        /** The stream has ended (the container stopped, or the connection to the engine broke). */
        void ended(Throwable error);
    }

    private final Sink sink;
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private boolean ended;

    LogFollower(Sink sink) {
        this.sink = sink;
    }

    @Override
    public void onNext(Frame frame) {
        boolean isStderr = frame.getStreamType() == StreamType.STDERR;
        if (frame.getStreamType() != StreamType.STDOUT && !isStderr && frame.getStreamType() != StreamType.RAW) {
            return;
        }
        ByteArrayOutputStream buffer = isStderr ? stderr : stdout;
        byte[] payload = frame.getPayload();
        int start = 0;
        for (int i = 0; i < payload.length; i++) {
            if (payload[i] == '\n') {
                buffer.write(payload, start, i - start);
                emit(isStderr, buffer);
                start = i + 1;
            } else if (buffer.size() + (i - start) >= MAX_LINE_BYTES) {
                buffer.write(payload, start, i - start);
                emit(isStderr, buffer);
                start = i;
            }
        }
        buffer.write(payload, start, payload.length - start);
    }

    @Override
    public void onError(Throwable throwable) {
        finish(throwable);
        super.onError(throwable);
    }

    @Override
    public void onComplete() {
        finish(null);
        super.onComplete();
    }

    private void finish(Throwable error) {
        synchronized (this) {
            if (ended) {
                return;
            }
            ended = true;
        }
        if (stdout.size() > 0) {
            emit(false, stdout);
        }
        if (stderr.size() > 0) {
            emit(true, stderr);
        }
        sink.ended(error);
    }

    private void emit(boolean isStderr, ByteArrayOutputStream buffer) {
        String text = buffer.toString(StandardCharsets.UTF_8);
        buffer.reset();
        if (text.endsWith("\r")) {
            text = text.substring(0, text.length() - 1);
        }
        sink.line(isStderr, text);
    }
}
