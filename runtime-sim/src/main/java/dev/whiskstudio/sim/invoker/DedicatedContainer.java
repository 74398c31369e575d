package dev.whiskstudio.sim.invoker;

import dev.whiskstudio.sim.backend.Container;
import dev.whiskstudio.sim.backend.OutputLine;

import java.util.function.Predicate;

/**
 * A container kept out of the pool for one action, in which the {@link Invoker} runs that action's activations one
 * at a time (a debug session's). Whoever made it starts it, routes activations to it, and destroys it.
 */
public final class DedicatedContainer {
    final PooledContainer slot;

    /**
     * @param container a started container
     * @param key       the action (and revision) it runs
     * @param memoryMb  its memory limit
     * @param keep      which of its output lines belong in activation logs (a debugger's own messages do not)
     */
    public DedicatedContainer(String name, String kind, Container container, ActionKey key, int memoryMb,
                              Predicate<OutputLine> keep) {
        this.slot = new PooledContainer(name, kind, memoryMb);
        slot.started.complete(container);
        slot.state = PooledContainer.State.WARM;
        slot.action = key;
        container.onOutput(line -> {
            if (keep.test(line)) {
                slot.logs.accept(line);
            }
        });
    }

    public Container container() {
        return slot.container();
    }

    /** Closes the connections to its proxy (the container is going away). */
    public void disconnect() {
        slot.closeConnections();
    }
}
