package dev.whiskstudio.app.debug;

import dev.whiskstudio.app.debug.cdp.ScriptParsed;
import dev.whiskstudio.app.debug.cdp.StackTrace;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The scripts the program has parsed (their URLs by id: paused frames often carry only the id) and the session's
 * source mapping, to name locations in the user's files. Written on the session's thread, read from any.
 */
final class ScriptIndex {
    private final Map<String, String> urls = new ConcurrentHashMap<>();
    private volatile SourceMapping mapping = SourceMapping.none();

    void useMapping(SourceMapping m) {
        mapping = m == null ? SourceMapping.none() : m;
    }

    SourceMapping mapping() {
        return mapping;
    }

    void parsed(ScriptParsed e) {
        urls.put(e.scriptId(), e.url() == null ? "" : e.url());
    }

    /** The URL of a script by its id, or null when it was not reported. */
    String url(String scriptId) {
        return scriptId == null ? null : urls.get(scriptId);
    }

    Set<String> allUrls() {
        return Set.copyOf(urls.values());
    }

    Optional<UserLocation> userLocation(String url, int line, int column) {
        return url == null || url.isEmpty() ? Optional.empty() : mapping.toUser(url, line, column);
    }

    /** The innermost frame of a console call's or an exception's stack that is in the user's code, or null. */
    UserLocation firstUserLocation(StackTrace trace) {
        if (trace == null) {
            return null;
        }
        for (StackTrace.Frame f : trace.callFrames()) {
            String url = f.url() != null && !f.url().isEmpty() ? f.url() : url(f.scriptId());
            Optional<UserLocation> user = userLocation(url, f.lineNumber(), f.columnNumber());
            if (user.isPresent()) {
                return user.get();
            }
        }
        return null;
    }
}
