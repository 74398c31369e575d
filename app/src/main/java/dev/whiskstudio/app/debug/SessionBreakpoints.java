package dev.whiskstudio.app.debug;

import dev.whiskstudio.app.debug.cdp.BreakpointResolved;
import dev.whiskstudio.app.debug.cdp.CdpConnection;
import dev.whiskstudio.app.debug.cdp.Location;
import dev.whiskstudio.app.debug.cdp.RemoveBreakpoint;
import dev.whiskstudio.app.debug.cdp.SetBreakpointByUrl;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * A session's breakpoints in the engine: kept until the connection is up, then set by script URL (through the
 * source mapping) with their condition or logpoint, moved and removed, their status followed
 * ({@code Debugger.breakpointResolved}). Used on the session's thread; the status list is observable on the UI
 * executor and readable as a snapshot from any thread.
 */
final class SessionBreakpoints {
    private final BreakpointBook book = new BreakpointBook();
    private final ScriptIndex scripts;
    private final Executor onSession;
    private final Executor ui;
    private final ObservableList<BreakpointStatus> shown = FXCollections.observableArrayList();
    private final ObservableList<BreakpointStatus> readOnly = FXCollections.unmodifiableObservableList(shown);
    private volatile List<BreakpointStatus> snapshot = List.of();
    /** Set once the connection is up: from then on breakpoints go to the engine as they are set. */
    private CdpConnection connection;

    SessionBreakpoints(ScriptIndex scripts, Executor onSession, Executor ui) {
        this.scripts = scripts;
        this.onSession = onSession;
        this.ui = ui;
    }

    /** Sends every breakpoint kept so far; the futures never fail (a failure is a status). */
    List<CompletableFuture<BreakpointStatus>> connect(CdpConnection conn) {
        connection = conn;
        List<CompletableFuture<BreakpointStatus>> all = new ArrayList<>();
        for (BreakpointBook.Entry entry : book.entries()) {
            all.add(bind(entry));
        }
        return all;
    }

    CompletableFuture<BreakpointStatus> set(Breakpoint bp) {
        BreakpointBook.Entry entry = new BreakpointBook.Entry(bp,
                BreakpointStatus.waiting(bp, "Set when the debug session starts."));
        BreakpointBook.Entry old = book.put(entry);
        publish();
        CompletableFuture<Void> removed = old == null ? CompletableFuture.completedFuture(null) : unbind(old);
        if (connection == null) {
            return CompletableFuture.completedFuture(entry.status);
        }
        return removed.thenComposeAsync(v -> bind(entry), onSession);
    }

    CompletableFuture<Void> remove(Path file, int line) {
        BreakpointBook.Entry old = book.remove(file, line);
        publish();
        return old == null ? CompletableFuture.completedFuture(null) : unbind(old);
    }

    /** Makes the file's breakpoints exactly these: others removed, new or changed ones set, the same ones kept. */
    CompletableFuture<List<BreakpointStatus>> setFile(Path file, Collection<Breakpoint> breakpoints) {
        Path normalized = file.toAbsolutePath().normalize();
        for (Breakpoint bp : breakpoints) {
            if (!bp.file().equals(normalized)) {
                throw new IllegalArgumentException("a breakpoint of another file: " + bp.file());
            }
        }
        List<CompletableFuture<?>> work = new ArrayList<>();
        for (BreakpointBook.Entry e : book.inFile(normalized)) {
            if (breakpoints.stream().noneMatch(bp -> bp.sameLine(e.breakpoint))) {
                book.remove(normalized, e.breakpoint.line());
                work.add(unbind(e));
            }
        }
        List<CompletableFuture<BreakpointStatus>> statuses = new ArrayList<>();
        for (Breakpoint bp : breakpoints) {
            Optional<BreakpointBook.Entry> same = book.inFile(normalized).stream()
                    .filter(e -> e.breakpoint.equals(bp)).findFirst();
            statuses.add(same.isPresent() ? CompletableFuture.completedFuture(same.get().status) : set(bp));
        }
        publish();
        work.addAll(statuses);
        return CompletableFuture.allOf(work.toArray(CompletableFuture[]::new))
                .thenApply(v -> statuses.stream().map(CompletableFuture::join).toList());
    }

    void resolved(BreakpointResolved e) {
        BreakpointBook.Entry entry = book.byEngineId(e.breakpointId());
        if (entry != null && entry.status.state() != BreakpointStatus.State.BOUND) {
            entry.status = boundAt(entry.breakpoint, e.location());
            publish();
        }
    }

    /** The session's breakpoints among the engine's ids of a pause. */
    List<Breakpoint> hit(List<String> engineIds) {
        return book.hit(engineIds);
    }

    ObservableList<BreakpointStatus> view() {
        return readOnly;
    }

    List<BreakpointStatus> snapshot() {
        return snapshot;
    }

    private CompletableFuture<BreakpointStatus> bind(BreakpointBook.Entry entry) {
        Breakpoint bp = entry.breakpoint;
        Optional<ScriptLocation> at = scripts.mapping().toScript(bp.file(), bp.line());
        if (at.isEmpty()) {
            entry.status = BreakpointStatus.notMapped(bp);
            publish();
            return CompletableFuture.completedFuture(entry.status);
        }
        ScriptLocation where = at.get();
        SetBreakpointByUrl.Params params = new SetBreakpointByUrl.Params(where.line(), where.url(), where.urlRegex(),
                where.column() > 0 ? where.column() : null, Logpoints.condition(bp));
        return connection.send(SetBreakpointByUrl.METHOD, params, SetBreakpointByUrl.Result.class)
                .handleAsync((result, error) -> {
                    if (!book.isCurrent(entry)) {
                        // removed or replaced while the engine was setting it
                        if (result != null) {
                            connection.send(RemoveBreakpoint.METHOD, new RemoveBreakpoint(result.breakpointId()));
                        }
                        return entry.status;
                    }
                    if (error != null) {
                        Throwable cause = error instanceof CompletionException && error.getCause() != null
                                ? error.getCause() : error;
                        entry.status = BreakpointStatus.failed(bp, "The breakpoint could not be set: "
                                + cause.getMessage());
                    } else {
                        book.setEngineId(entry, result.breakpointId());
                        entry.status = result.locations().isEmpty()
                                ? BreakpointStatus.waiting(bp, "Waiting for the code to load.")
                                : boundAt(bp, result.locations().get(0));
                    }
                    publish();
                    return entry.status;
                }, onSession);
    }

    private CompletableFuture<Void> unbind(BreakpointBook.Entry entry) {
        if (entry.engineId == null || connection == null || !connection.isOpen()) {
            return CompletableFuture.completedFuture(null);
        }
        return connection.send(RemoveBreakpoint.METHOD, new RemoveBreakpoint(entry.engineId))
                .handle((r, e) -> null);
    }

    /** Bound where the engine put it: the user's line of that location, when it maps back into the same file. */
    private BreakpointStatus boundAt(Breakpoint bp, Location location) {
        int line = scripts.userLocation(scripts.url(location.scriptId()), location.lineNumber(), location.column())
                .filter(u -> u.file().equals(bp.file())).map(UserLocation::line).orElse(bp.line());
        return BreakpointStatus.bound(bp, line);
    }

    private void publish() {
        List<BreakpointStatus> statuses = book.statuses();
        snapshot = statuses;
        ui.execute(() -> shown.setAll(statuses));
    }
}
