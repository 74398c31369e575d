package dev.whiskstudio.sim.api;

import io.javalin.http.Context;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads request bodies with a size limit. A body over the limit is 413 with the platform's message, but only after
 * the rest of it has been read and dropped: answering while the client is still sending makes the kernel reset the
 * connection when it closes, and the client then sees no answer at all instead of the 413.
 */
final class RequestBodies {
    /** Past this much, a body is not drained any more: the connection is closed on the client instead. */
    private static final long DRAIN_LIMIT = 256L * 1024 * 1024;

    private RequestBodies() {
    }

    /** The whole body, at most {@code max} bytes; 413 past that, naming the body's real size where it is known. */
    static byte[] read(Context ctx, long max) throws IOException {
        long declared = ctx.req().getContentLengthLong();
        try (InputStream in = ctx.req().getInputStream()) {
            if (declared > max) {
                drain(in, declared);
                throw new ApiException(413, Messages.entityTooBig("Request", declared, max));
            }
            byte[] bytes = in.readNBytes((int) Math.min(max + 1, Integer.MAX_VALUE - 8));
            if (bytes.length > max) {
                long size = bytes.length + drain(in, DRAIN_LIMIT);
                throw new ApiException(413, Messages.entityTooBig("Request", size, max));
            }
            return bytes;
        }
    }

    /** Reads and drops up to {@code limit} bytes; answers how many there were. */
    private static long drain(InputStream in, long limit) throws IOException {
        byte[] sink = new byte[64 * 1024];
        long total = 0;
        int n;
        while (total < Math.min(limit, DRAIN_LIMIT) && (n = in.read(sink)) > 0) {
            total += n;
        }
        return total;
    }
}
