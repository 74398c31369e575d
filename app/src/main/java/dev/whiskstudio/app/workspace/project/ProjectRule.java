package dev.whiskstudio.app.workspace.project;

import java.util.Objects;

/**
 * A rule: when {@code trigger} fires, invoke {@code action}.
 *
 * @param trigger the trigger's name, or {@code /ns/name}
 * @param action  relative to the namespace ({@code pkg/action}; a bare name in the manifest is taken as one of its
 *                package's) or fully qualified
 */
public record ProjectRule(String name, String trigger, String action, SourcePosition declaredAt) {

    public ProjectRule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(action, "action");
    }
}
