package dev.whiskstudio.app.activations;

import javafx.css.PseudoClass;
import javafx.scene.Node;

import java.util.Locale;

/**
 * Marks a node with an activation's status as CSS pseudo-classes ({@code :success}, {@code :application-error},
 * {@code :developer-error}, {@code :whisk-error}). A pseudo-class change re-styles a table cell more cheaply than a
 * style class change, which matters when scrolling replaces every visible cell each frame.
 */
final class Marks {
    private static final PseudoClass[] STATUS = new PseudoClass[ActivationStatus.values().length];

    static {
        for (ActivationStatus s : ActivationStatus.values()) {
            STATUS[s.ordinal()] = PseudoClass.getPseudoClass(s.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
    }

    private Marks() {
    }

    /** Marks the status; null clears every status mark. */
    static void status(Node node, ActivationStatus status) {
        for (ActivationStatus s : ActivationStatus.values()) {
            node.pseudoClassStateChanged(STATUS[s.ordinal()], s == status);
        }
    }

    /** The pseudo-class of a status, as the style sheet names it. */
    static PseudoClass of(ActivationStatus status) {
        return STATUS[status.ordinal()];
    }
}
