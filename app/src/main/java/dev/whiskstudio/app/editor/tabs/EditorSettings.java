package dev.whiskstudio.app.editor.tabs;

import dev.whiskstudio.app.editor.recovery.RecoveryStore;

import java.time.Duration;

/**
 * How the editor tabs behave: where recovery copies go and how often they are written, how often open files are
 * checked on disk, and who answers "save before closing?".
 */
public record EditorSettings(RecoveryStore recovery, Duration recoveryInterval, Duration diskPollInterval,
                             SavePrompt savePrompt) {
    public static final Duration RECOVERY_INTERVAL = Duration.ofSeconds(3);
    public static final Duration DISK_POLL_INTERVAL = Duration.ofSeconds(2);

    /** Recovery copies in {@code ~/.whisk-studio/recovery} every 3 s, disk checks every 2 s, a dialog to ask. */
    public static EditorSettings defaults() {
        return new EditorSettings(RecoveryStore.atDefaultLocation(), RECOVERY_INTERVAL, DISK_POLL_INTERVAL,
                new AlertSavePrompt());
    }

    public EditorSettings withRecovery(RecoveryStore store) {
        return new EditorSettings(store, recoveryInterval, diskPollInterval, savePrompt);
    }

    public EditorSettings withRecoveryInterval(Duration interval) {
        return new EditorSettings(recovery, interval, diskPollInterval, savePrompt);
    }

    public EditorSettings withDiskPollInterval(Duration interval) {
        return new EditorSettings(recovery, recoveryInterval, interval, savePrompt);
    }

    public EditorSettings withSavePrompt(SavePrompt prompt) {
        return new EditorSettings(recovery, recoveryInterval, diskPollInterval, prompt);
    }
}
