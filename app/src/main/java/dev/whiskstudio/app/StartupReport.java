package dev.whiskstudio.app;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Moments of the app's start, printed on stdout as {@code whisk-studio-startup NAME EPOCH_MILLIS} when the system
 * property {@code whisk.studio.startupReport} is true, for the launch benchmark (a separate process that started
 * this JVM and knows when). Each moment is printed once.
 */
public final class StartupReport {
    public static final String PROPERTY = "whisk.studio.startupReport";
    public static final String PREFIX = "whisk-studio-startup ";

    private static final boolean ENABLED = Boolean.getBoolean(PROPERTY);
    private static final Set<String> SEEN = ConcurrentHashMap.newKeySet();

    private StartupReport() {
    }

    /** Records a moment: {@code window-shown}, {@code simulator-running}, {@code workspace-ready}. */
    public static void mark(String moment) {
        if (ENABLED && SEEN.add(moment)) {
            System.out.println(PREFIX + moment + " " + System.currentTimeMillis());
            System.out.flush();
        }
    }
}
