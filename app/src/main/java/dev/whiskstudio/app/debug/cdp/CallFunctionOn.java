package dev.whiskstudio.app.debug.cdp;

import java.util.List;

/** {@code Runtime.callFunctionOn}: calls a function declaration with {@code this} bound to an object. */
public record CallFunctionOn(String functionDeclaration, String objectId, List<CallArgument> arguments,
                             Boolean silent, Boolean returnByValue, Boolean generatePreview, String objectGroup) {
    public static final String METHOD = "Runtime.callFunctionOn";

    /** An argument: a JSON {@code value} or an {@code objectId}. */
    public record CallArgument(Object value, String objectId) {
    }
}
