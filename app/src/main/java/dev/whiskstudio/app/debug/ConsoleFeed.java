package dev.whiskstudio.app.debug;

import dev.whiskstudio.app.debug.cdp.ConsoleApiCalled;
import dev.whiskstudio.app.debug.cdp.ExceptionDetails;
import dev.whiskstudio.app.debug.cdp.ExceptionThrown;
import dev.whiskstudio.app.debug.cdp.RemoteObject;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * The program's console as the session shows it: {@code console.*} calls and uncaught exceptions turned into
 * {@link ConsoleMessage}s, the last {@code limit} kept, observable on the UI executor and as a snapshot from any thread.
 */
final class ConsoleFeed {
    private final ScriptIndex scripts;
    private final Executor ui;
    private final int limit;
    private final Deque<ConsoleMessage> kept = new ArrayDeque<>();
    private final ObservableList<ConsoleMessage> shown = FXCollections.observableArrayList();
    private final ObservableList<ConsoleMessage> readOnly = FXCollections.unmodifiableObservableList(shown);

    ConsoleFeed(ScriptIndex scripts, Executor ui, int limit) {
        this.scripts = scripts;
        this.ui = ui;
        this.limit = Math.max(1, limit);
    }

    void consoleApiCalled(ConsoleApiCalled e) {
        ConsoleMessage.Level level = switch (e.type() == null ? "log" : e.type()) {
            case "debug" -> ConsoleMessage.Level.DEBUG;
            case "info" -> ConsoleMessage.Level.INFO;
            case "warning" -> ConsoleMessage.Level.WARNING;
            case "error", "assert" -> ConsoleMessage.Level.ERROR;
            default -> ConsoleMessage.Level.LOG;
        };
        List<RemoteValue> args = e.args().stream().map(ValueText::value).toList();
        add(new ConsoleMessage(Instant.ofEpochMilli((long) e.timestamp()), level, ConsoleMessage.Source.CONSOLE,
                ConsoleText.of(e.args()), args, scripts.firstUserLocation(e.stackTrace())));
    }

    void exceptionThrown(ExceptionThrown e) {
        ExceptionDetails d = e.exceptionDetails();
        if (d == null) {
            return;
        }
        RemoteObject thrown = d.exception();
        String text = thrown != null && thrown.description() != null ? thrown.description()
                : thrown != null ? ValueText.text(thrown, false) : d.text();
        String url = d.url() != null ? d.url() : scripts.url(d.scriptId());
        UserLocation where = scripts.userLocation(url, d.lineNumber(), d.columnNumber())
                .orElseGet(() -> scripts.firstUserLocation(d.stackTrace()));
        add(new ConsoleMessage(Instant.ofEpochMilli((long) e.timestamp()), ConsoleMessage.Level.ERROR,
                ConsoleMessage.Source.EXCEPTION, "Uncaught " + text,
                thrown == null ? List.of() : List.of(ValueText.value(thrown)), where));
    }

    private void add(ConsoleMessage message) {
        synchronized (kept) {
            kept.addLast(message);
            while (kept.size() > limit) {
                kept.removeFirst();
            }
        }
        ui.execute(() -> {
            shown.add(message);
            if (shown.size() > limit) {
                shown.remove(0, shown.size() - limit);
            }
        });
    }

    ObservableList<ConsoleMessage> view() {
        return readOnly;
    }

    List<ConsoleMessage> snapshot() {
        synchronized (kept) {
            return List.copyOf(kept);
        }
    }
}
