package dev.whiskstudio.app.activations.pool;

import java.util.Locale;
import java.util.Objects;

/**
 * One container of the pool, as {@code /sim/v1/pool} lists it.
 *
 * @param containerId the container's id, its identity across snapshots
 * @param name        the backend's name for it
 * @param kind        its runtime kind ({@code nodejs:20})
 * @param memoryMb    the memory it holds
 * @param state       starting, prewarmed, warm, busy or paused
 * @param namespace   the namespace it serves, null for a stem cell or another namespace's container
 * @param action      the action it is initialised with ({@code ns/pkg/name}), null for a stem cell or another
 *                    namespace's container
 * @param active      activations running in it now
 * @param lastUsed    when it last ran an activation (epoch ms; 0 or less: never)
 */
public record PoolContainer(String containerId, String name, String kind, long memoryMb, ContainerState state,
                            String namespace, String action, int active, long lastUsed) {
    public PoolContainer {
        Objects.requireNonNull(containerId, "containerId");
        name = name == null || name.isBlank() ? containerId : name;
        kind = kind == null ? "" : kind;
        state = state == null ? ContainerState.UNKNOWN : state;
        active = Math.max(0, active);
    }

    /** Running activations now: busy, or warm with activations in it (a simulator may say either). */
    public boolean busy() {
        return state == ContainerState.BUSY || state == ContainerState.WARM && active > 0;
    }

    /** A stem cell: no action yet, prewarmed or being started as one. */
    public boolean stemCell() {
        return action == null && (state == ContainerState.PREWARMED || state == ContainerState.STARTING);
    }

    /** The state in words, as its chip shows it: prewarmed, warm idle, busy 2, paused, starting. */
    public String stateText() {
        if (busy()) {
            return "busy " + Math.max(1, active);
        }
        return switch (state) {
            case STARTING -> "starting";
            case PREWARMED -> "prewarmed";
            case WARM -> "warm idle";
            case PAUSED -> "paused";
            case BUSY -> "busy";
            case UNKNOWN -> "unknown";
        };
    }

    /** The style class of its chip: {@code state-busy}, {@code state-warm}... */
    String stateStyle() {
        if (busy()) {
            return "state-busy";
        }
        return "state-" + state.name().toLowerCase(Locale.ROOT);
    }
}
