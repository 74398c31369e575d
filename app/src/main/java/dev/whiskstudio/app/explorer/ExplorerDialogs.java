package dev.whiskstudio.app.explorer;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The questions the explorer asks; {@link FxExplorerDialogs} asks them in dialogs. Every method is called on the FX
 * thread and returns the answer, or empty when the user cancelled.
 */
public interface ExplorerDialogs {

    /** Yes or no, e.g. before a delete; {@code confirmText} labels the yes button. */
    boolean confirm(String title, String message, String confirmText);

    /**
     * A name.
     *
     * @param problem what is wrong with a name, or empty when it may be used: OK stays disabled until it is empty
     */
    Optional<String> askName(String title, String prompt, String initial, Function<String, Optional<String>> problem);

    /** A new package's name and whether it is shared (published). */
    Optional<NewPackage> askNewPackage(String namespace);

    /** A new rule: its name, its trigger and its action, offered from those known in the namespace. */
    Optional<NewRule> askNewRule(String namespace, List<String> triggers, List<String> actions);

    record NewPackage(String name, boolean shared) {
    }

    record NewRule(String name, String trigger, String action) {
    }
}
