package dev.whiskstudio.app.debug;

import com.fasterxml.jackson.databind.JsonNode;
import dev.whiskstudio.app.debug.cdp.CallFrame;
import dev.whiskstudio.app.debug.cdp.CdpJson;
import dev.whiskstudio.app.debug.cdp.Paused;
import dev.whiskstudio.app.debug.cdp.RemoteObject;
import dev.whiskstudio.app.debug.cdp.Scope;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Turns the engine's {@code Debugger.paused} into a {@link PausedState} with the user's files and lines. */
final class PauseReader {
    /** What the session last asked for, which the engine's reason ({@code other}) does not tell apart. */
    enum LastCommand {
        NONE, STEP, PAUSE
    }

    private final ScriptIndex scripts;
    private final Predicate<String> runtimeScript;

    PauseReader(ScriptIndex scripts, Predicate<String> runtimeScript) {
        this.scripts = scripts;
        this.runtimeScript = runtimeScript;
    }

    PausedState read(Paused paused, long pauseId, LastCommand last, List<Breakpoint> hit) {
        List<StackFrame> frames = new ArrayList<>(paused.callFrames().size());
        int index = 0;
        for (CallFrame cf : paused.callFrames()) {
            frames.add(frame(cf, pauseId, index++));
        }
        String engineReason = paused.reason() == null ? "other" : paused.reason();
        PauseReason reason;
        RemoteValue exception = null;
        boolean uncaught = false;
        String detail = null;
        if (engineReason.equals("exception") || engineReason.equals("promiseRejection")) {
            reason = PauseReason.EXCEPTION;
            JsonNode data = paused.data();
            if (data != null && data.isObject() && data.has("type")) {
                RemoteObject thrown = CdpJson.read(data, RemoteObject.class);
                exception = ValueText.value(thrown);
                detail = "error".equals(thrown.subtype()) ? ValueText.firstLine(thrown.description())
                        : ValueText.text(thrown, true);
            }
            uncaught = data != null && data.path("uncaught").asBoolean(false);
        } else if (!hit.isEmpty()) {
            reason = PauseReason.BREAKPOINT;
        } else if (last == LastCommand.PAUSE || engineReason.equals("debugCommand")) {
            reason = PauseReason.PAUSE_REQUEST;
        } else if (engineReason.equals("Break on start")) {
            reason = PauseReason.ENTRY;
        } else if (last == LastCommand.STEP) {
            reason = PauseReason.STEP;
        } else {
            reason = PauseReason.OTHER;
        }
        String description = detail == null ? reason.label() : reason.label() + ": " + detail;
        return new PausedState(pauseId, reason, description, frames, hit, exception, uncaught);
    }

    private StackFrame frame(CallFrame cf, long pauseId, int index) {
        String url = cf.location() == null ? null : scripts.url(cf.location().scriptId());
        if (url == null || url.isEmpty()) {
            url = cf.url() == null ? "" : cf.url();
        }
        int line = cf.location() == null ? 0 : cf.location().lineNumber();
        int column = cf.location() == null ? 0 : cf.location().column();
        UserLocation user = scripts.userLocation(url, line, column).orElse(null);
        boolean runtime = user == null && runtimeScript.test(url);
        List<FrameScope> scopes = new ArrayList<>(cf.scopeChain().size());
        for (Scope s : cf.scopeChain()) {
            String objectId = s.object() == null ? null : s.object().objectId();
            scopes.add(new FrameScope(pauseId, s.type() == null ? "" : s.type(), s.name(), objectId));
        }
        return new StackFrame(pauseId, index, cf.callFrameId(), cf.functionName(), url, line, column, user, runtime,
                scopes);
    }
}
