package dev.whiskstudio.sim.debug;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Asks a runtime's debugger, over the Chrome DevTools Protocol, which URL a script of a given file has, so that the
 * app can set breakpoints by that URL. Node names scripts by path or by {@code file://} URL depending on its version
 * and on how the script was loaded; asking is the one way to know. The probe connects, enables the debugger (which
 * announces every script parsed so far) and disconnects: the process goes on as before.
 */
final class InspectorProbe {
    /** After the debugger's answer to {@code Debugger.enable}, how long to wait on for the scripts it announces. */
    private static final long AFTER_ENABLE_MS = 300;

    private final HttpClient http;
    private final ObjectMapper json;

    InspectorProbe(HttpClient http, ObjectMapper json) {
        this.http = http;
        this.json = json;
    }

    /**
     * The URL the debugger gives the script of {@code file}, or null when it names no such script within the time.
     *
     * @param file the script's absolute path as the process sees it
     */
    String scriptUrl(String inspectorUrl, String file, Duration timeout) {
        CompletableFuture<String> found = new CompletableFuture<>();
        WebSocket socket;
        try {
            socket = http.newWebSocketBuilder().connectTimeout(timeout)
                    .buildAsync(URI.create(inspectorUrl), new Listener(file, found))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException | IllegalArgumentException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
        try {
            socket.sendText("{\"id\":1,\"method\":\"Debugger.enable\"}", true);
            return found.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } finally {
            socket.abort();
        }
    }

    /** Whether a script URL names the file: the path itself, or its {@code file://} URL. */
    static boolean names(String url, String file) {
        if (url.equals(file)) {
            return true;
        }
        if (!url.startsWith("file:")) {
            return false;
        }
        try {
            return Path.of(URI.create(url)).equals(Path.of(file));
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            return false;
        }
    }

    /** Reads the debugger's messages (a message may come in several frames) until the script is named. */
    private final class Listener implements WebSocket.Listener {
        private final String file;
        private final CompletableFuture<String> found;
        private final StringBuilder message = new StringBuilder();

        Listener(String file, CompletableFuture<String> found) {
            this.file = file;
            this.found = found;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            message.append(data);
            if (last) {
                String text = message.toString();
                message.setLength(0);
                read(text);
            }
            webSocket.request(1);
            return null;
        }

        private void read(String text) {
            JsonNode m;
            try {
                m = json.readTree(text);
            } catch (java.io.IOException e) {
                return;
            }
            if ("Debugger.scriptParsed".equals(m.path("method").asText())) {
                String url = m.path("params").path("url").asText("");
                if (names(url, file)) {
                    found.complete(url);
                }
            } else if (m.path("id").asInt() == 1) {
                // every script parsed so far is announced around the answer; give the stragglers a moment
                found.completeOnTimeout(null, AFTER_ENABLE_MS, TimeUnit.MILLISECONDS);
            }
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            found.complete(null);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            found.complete(null);
        }
    }
}
