package dev.whiskstudio.app.debug.cdp;

import java.util.List;

/**
 * {@code Debugger.setBlackboxPatterns}: scripts whose URL matches one of the regular expressions are skipped by
 * stepping (a step that would enter them goes on to the next code outside them).
 */
public record SetBlackboxPatterns(List<String> patterns) {
    public static final String METHOD = "Debugger.setBlackboxPatterns";
}
