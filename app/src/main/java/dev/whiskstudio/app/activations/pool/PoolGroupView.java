package dev.whiskstudio.app.activations.pool;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A group of containers: a heading with their count, memory and states, then a row per container. */
final class PoolGroupView extends VBox {
    private final Label title = new Label();
    private final Label summary = new Label();
    private final VBox rows = new VBox();

    PoolGroupView(String key) {
        setId("pool-group-" + PoolView.safeId(key));
        getStyleClass().add("pool-group");
        title.getStyleClass().add("pool-group-title");
        summary.getStyleClass().add("pool-group-summary");
        HBox header = new HBox(title, summary);
        header.getStyleClass().add("pool-group-header");
        rows.getStyleClass().add("pool-group-rows");
        getChildren().addAll(header, rows);
    }

    String title() {
        return title.getText();
    }

    /** Shows the group with its rows in order, moving nodes only when the order changed. */
    void show(PoolGroup group, List<ContainerRow> ordered) {
        title.setText(group.title());
        summary.setText(summarize(group.containers()));
        if (!rows.getChildren().equals(ordered)) {
            rows.getChildren().setAll(ordered.toArray(Node[]::new));
        }
    }

    private static String summarize(List<PoolContainer> containers) {
        long memory = containers.stream().mapToLong(PoolContainer::memoryMb).sum();
        Map<String, Integer> states = new LinkedHashMap<>();
        for (String state : List.of("busy", "warm idle", "paused", "prewarmed", "starting", "unknown")) {
            states.put(state, 0);
        }
        for (PoolContainer container : containers) {
            String state = container.busy() ? "busy" : container.stateText();
            states.merge(state, 1, Integer::sum);
        }
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%d container%s · %,d MB",
                containers.size(), containers.size() == 1 ? "" : "s", memory));
        String separator = " · ";
        for (Map.Entry<String, Integer> state : states.entrySet()) {
            if (state.getValue() > 0) {
                text.append(separator).append(state.getValue()).append(' ').append(state.getKey());
                separator = ", ";
            }
        }
        return text.toString();
    }
}
