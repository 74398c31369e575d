package dev.whiskstudio.app.activations.timeline;

import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The card shown over the timeline while the pointer rests on a bar: the activation's name, id, status, when it
 * started, its wait, init and run times, and how it got its container.
 */
final class BarDetailsCard extends VBox {
    private static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");
    private static final PseudoClass RUNNING = PseudoClass.getPseudoClass("running");
    private static final DateTimeFormatter STARTED = DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT);

    private final Label name = label("timeline-hover-name");
    private final Label id = label("timeline-hover-id");
    private final Label status = label("timeline-hover-status");
    private final Label times = label("timeline-hover-times");
    private final Label start = label("timeline-hover-start");
    private final Label lane = label("timeline-hover-lane");
    private String shownId;

    BarDetailsCard() {
        setId("timeline-hover");
        getStyleClass().add("timeline-hover");
        getChildren().addAll(name, id, status, times, start, lane);
        setManaged(false);
        setMouseTransparent(true);
        setVisible(false);
    }

    /** The activation shown, or null when the card is hidden. */
    String shownId() {
        return isVisible() ? shownId : null;
    }

    void show(TimelineBar bar, long now, ZoneId zone) {
        shownId = bar.activationId();
        name.setText(bar.label());
        id.setText(bar.activationId());
        status.setText(bar.outcome().words());
        pseudoClassStateChanged(FAILED, bar.failed());
        pseudoClassStateChanged(RUNNING, bar.running());
        String init = bar.initMillis() < 0 ? "no init" : "init " + DurationText.of(bar.initMillis());
        times.setText("wait " + DurationText.of(bar.waitMillis()) + " · " + init + " · run "
                + DurationText.of(bar.runMillis(now)) + (bar.running() ? " so far" : ""));
        start.setText(startKindWords(bar.startKind()) + ", started " + STARTED.format(Instant.ofEpochMilli(bar.start()).atZone(zone)));
        lane.setText(bar.laneLabel());
        setVisible(true);
    }

    void hide() {
        setVisible(false);
        shownId = null;
    }

    static String startKindWords(TimelineBar.StartKind kind) {
        return switch (kind) {
            case COLD -> "cold start";
            case PREWARM -> "prewarmed start";
            case WARM -> "warm start";
            case UNKNOWN -> "start kind unknown";
        };
    }

    private static Label label(String styleClass) {
        Label label = new Label();
        label.getStyleClass().add(styleClass);
        return label;
    }
}
