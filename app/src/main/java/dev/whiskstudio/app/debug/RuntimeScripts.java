package dev.whiskstudio.app.debug;

import java.util.Set;

/**
 * Which scripts are the runtime's rather than the user's: the files of our Node.js action proxy
 * ({@code plugins/runtime-nodejs}: {@code proxy.js}, {@code action-host.js}, {@code action-loader.js},
 * {@code archive.js}) and Node.js's own modules ({@code node:...}). A user file of the same name is the user's: the
 * session asks the source mapping first.
 */
public final class RuntimeScripts {
    private static final Set<String> PROXY_FILES = Set.of("proxy.js", "action-host.js", "action-loader.js",
            "archive.js");

    private RuntimeScripts() {
    }

    public static boolean isRuntime(String url) {
        if (url == null || url.isEmpty()) {
            return false;
        }
        if (isNodeInternal(url)) {
            return true;
        }
        if (!url.startsWith("file://")) {
            return false;
        }
        return PROXY_FILES.contains(url.substring(url.lastIndexOf('/') + 1));
    }

    /** Node.js's own modules. */
    public static boolean isNodeInternal(String url) {
        return url != null && url.startsWith("node:");
    }
}
