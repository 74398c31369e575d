package dev.whiskstudio.sim.invoker;

/**
 * Told about each activation the invoker runs: when it has its container and begins, and when its record is made.
 * Called on the activation's thread, so an implementation must return at once and must not block.
 */
public interface ActivationListener {

    /** The activation has its container and begins now ({@code start}, epoch ms, is its record's start). */
    void started(ActivationJob job, Placement placement, long start);

    /** The invoker made the activation's record (the container's part is over); called before it is handed on. */
    void finished(ActivationJob job, Placement placement);

    /** Hears nothing. */
    ActivationListener NONE = new ActivationListener() {
        @Override
        public void started(ActivationJob job, Placement placement, long start) {
        }

        @Override
        public void finished(ActivationJob job, Placement placement) {
        }
    };
}
