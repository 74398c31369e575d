package dev.whiskstudio.app.activations;

import javafx.css.PseudoClass;
import javafx.scene.Node;

import java.util.Locale;

/**
 * Marks a node with an activation's status or start kind as CSS pseudo-classes ({@code :success},
 * {@code :application-error}, {@code :developer-error}, {@code :whisk-error}; {@code :cold}, {@code :prewarm},
 * {@code :warm}). A pseudo-class change re-styles a table cell much more cheaply than a style class change, which
 * matters when scrolling replaces every visible cell each frame.
 */
final class Marks {
    private static final PseudoClass[] STATUS = new PseudoClass[ActivationStatus.values().length];
    private static final PseudoClass[] START = new PseudoClass[StartKind.values().length];

    static {
        for (ActivationStatus s : ActivationStatus.values()) {
            STATUS[s.ordinal()] = PseudoClass.getPseudoClass(s.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        for (StartKind k : StartKind.values()) {
            START[k.ordinal()] = PseudoClass.getPseudoClass(k == StartKind.UNKNOWN ? "unknown-start"
                    : k.name().toLowerCase(Locale.ROOT));
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

    /** Marks the start kind; null clears every start mark. */
    static void start(Node node, StartKind kind) {
        for (StartKind k : StartKind.values()) {
            node.pseudoClassStateChanged(START[k.ordinal()], k == kind);
        }
    }

    /** The pseudo-class of a status, as the style sheet names it. */
    static PseudoClass of(ActivationStatus status) {
        return STATUS[status.ordinal()];
    }
}
