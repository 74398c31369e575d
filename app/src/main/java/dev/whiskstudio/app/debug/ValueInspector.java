package dev.whiskstudio.app.debug;

import dev.whiskstudio.app.debug.cdp.CallFunctionOn;
import dev.whiskstudio.app.debug.cdp.CdpConnection;
import dev.whiskstudio.app.debug.cdp.CdpException;
import dev.whiskstudio.app.debug.cdp.Commands;
import dev.whiskstudio.app.debug.cdp.EvaluateOnCallFrame;
import dev.whiskstudio.app.debug.cdp.EvaluateResult;
import dev.whiskstudio.app.debug.cdp.ExceptionDetails;
import dev.whiskstudio.app.debug.cdp.GetProperties;
import dev.whiskstudio.app.debug.cdp.InternalPropertyDescriptor;
import dev.whiskstudio.app.debug.cdp.PrivatePropertyDescriptor;
import dev.whiskstudio.app.debug.cdp.PropertyDescriptor;
import dev.whiskstudio.app.debug.cdp.RemoteObject;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Reads values of the paused program: properties (own ones; getters listed, never called unasked), evaluations in a
 * frame and getter calls, whose exceptions are results. Values made by evaluations live in one object group, released
 * when the program runs on. The session checks that the program is paused before calling.
 */
final class ValueInspector {
    private static final String EVAL_GROUP = "whisk-debug-eval";
    private static final String GETTER = "function (name) { return this[name]; }";

    private final CdpConnection connection;
    private final Duration evaluateTimeout;
    private boolean evaluated;

    ValueInspector(CdpConnection connection, Duration evaluateTimeout) {
        this.connection = connection;
        this.evaluateTimeout = evaluateTimeout;
    }

    CompletableFuture<List<Variable>> properties(String objectId) {
        return connection.send(GetProperties.METHOD, GetProperties.Params.own(objectId), GetProperties.Result.class)
                .thenApply(result -> variablesOf(result, objectId));
    }

    private static List<Variable> variablesOf(GetProperties.Result result, String owner) {
        List<Variable> list = new ArrayList<>();
        for (PropertyDescriptor p : result.result()) {
            list.add(p.isAccessor() ? new Variable(p.name(), null, Variable.Kind.ACCESSOR, owner)
                    : new Variable(p.name(), ValueText.value(p.value()), Variable.Kind.PROPERTY, owner));
        }
        for (PrivatePropertyDescriptor p : result.privateProperties()) {
            list.add(new Variable(p.name(), p.value() == null ? null : ValueText.value(p.value()),
                    Variable.Kind.PRIVATE, owner));
        }
        for (InternalPropertyDescriptor p : result.internalProperties()) {
            if (p.value() != null) {
                list.add(new Variable(p.name(), ValueText.value(p.value()), Variable.Kind.INTERNAL, owner));
            }
        }
        return List.copyOf(list);
    }

    /** Evaluates in a paused frame; fails only for a closed connection or a timeout. */
    CompletableFuture<EvalResult> evaluate(String callFrameId, String expression, EvalPurpose purpose) {
        evaluated = true;
        EvaluateOnCallFrame params = new EvaluateOnCallFrame(callFrameId, expression, EVAL_GROUP,
                purpose == EvalPurpose.CONSOLE, true, false, true, purpose == EvalPurpose.HOVER,
                (double) evaluateTimeout.toMillis());
        return connection.send(EvaluateOnCallFrame.METHOD, params, EvaluateResult.class)
                .handle(ValueInspector::evalResult);
    }

    CompletableFuture<EvalResult> invokeGetter(Variable accessor) {
        evaluated = true;
        CallFunctionOn params = new CallFunctionOn(GETTER, accessor.owner(),
                List.of(new CallFunctionOn.CallArgument(accessor.name(), null)), true, false, true, EVAL_GROUP);
        return connection.send(CallFunctionOn.METHOD, params, EvaluateResult.class).handle(ValueInspector::evalResult);
    }

    /** The program runs on: the evaluations' values can go. */
    void releaseEvaluated() {
        if (evaluated) {
            connection.send(Commands.RELEASE_OBJECT_GROUP, Map.of("objectGroup", EVAL_GROUP));
            evaluated = false;
        }
    }

    private static EvalResult evalResult(EvaluateResult result, Throwable error) {
        if (error != null) {
            Throwable cause = error instanceof CompletionException && error.getCause() != null
                    ? error.getCause() : error;
            if (cause instanceof CdpException cdp && cdp.isProtocolError()) {
                // the engine refused the request itself (a frame it no longer has, a malformed call): a result too
                return EvalResult.thrown(ValueText.value(null), cdp.getMessage());
            }
            throw error instanceof CompletionException c ? c : new CompletionException(error);
        }
        ExceptionDetails details = result.exceptionDetails();
        if (details == null) {
            return EvalResult.of(ValueText.value(result.result()));
        }
        RemoteObject thrown = details.exception() != null ? details.exception() : result.result();
        String message = thrown != null && thrown.description() != null
                ? ValueText.firstLine(thrown.description())
                : thrown != null ? ValueText.text(thrown, true) : details.text();
        if (message != null && message.contains("Possible side-effect")) {
            message = "Not evaluated: it could change the program's state.";
        }
        return EvalResult.thrown(ValueText.value(thrown), message == null ? "Uncaught exception" : message);
    }
}
