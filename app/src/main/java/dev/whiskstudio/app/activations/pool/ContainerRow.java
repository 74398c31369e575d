package dev.whiskstudio.app.activations.pool;

import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** One container: its state as a coloured chip, its name, kind, memory and when it was last used. */
final class ContainerRow extends HBox {
    private static final DateTimeFormatter USED = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

    private final Label chip = new Label();
    private final Label name = new Label();
    private final Label kind = new Label();
    private final Label memory = new Label();
    private final Label lastUsed = new Label();
    private final Tooltip tip = new Tooltip();
    private String stateStyle;
    private PoolContainer shown;

    ContainerRow(String containerId) {
        setId("pool-container-" + PoolView.safeId(containerId));
        getStyleClass().add("pool-container");
        chip.getStyleClass().add("pool-chip");
        name.getStyleClass().add("pool-container-name");
        for (Label detail : new Label[]{kind, memory, lastUsed}) {
            detail.getStyleClass().add("pool-container-detail");
        }
        kind.getStyleClass().add("pool-container-kind");
        memory.getStyleClass().add("pool-container-memory");
        lastUsed.getStyleClass().add("pool-container-used");
        Tooltip.install(this, tip);
        getChildren().addAll(chip, name, kind, memory, lastUsed);
    }

    PoolContainer shown() {
        return shown;
    }

    void show(PoolContainer container, ZoneId zone) {
        if (container.equals(shown)) {
            return;
        }
        shown = container;
        chip.setText(container.stateText());
        String style = container.stateStyle();
        if (!style.equals(stateStyle)) {
            if (stateStyle != null) {
                chip.getStyleClass().remove(stateStyle);
            }
            chip.getStyleClass().add(style);
            stateStyle = style;
        }
        name.setText(container.name());
        kind.setText(container.kind());
        memory.setText(String.format(Locale.ROOT, "%,d MB", container.memoryMb()));
        lastUsed.setText(container.lastUsed() > 0
                ? "used " + USED.format(Instant.ofEpochMilli(container.lastUsed()).atZone(zone))
                : "not used yet");
        tip.setText("container " + container.containerId()
                + (container.namespace() != null ? "\nnamespace " + container.namespace() : "")
                + (container.action() != null ? "\naction " + container.action() : ""));
    }
}
