package dev.whiskstudio.app.activations.pool;

import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.net.URL;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The simulator's container pool, live: memory in use against capacity, activations queued, and the containers
 * grouped by action (stem cells by kind and memory), each with its state as a coloured chip, its memory and when it
 * was last used.
 *
 * <p>{@link #show} takes each new snapshot and updates in place: a container keeps its row (found by id) and a group
 * its box from one snapshot to the next, only what changed is touched, and the order is stable (actions by path,
 * then stem cells, then other namespaces; containers by name). Call it on the FX thread.
 */
public class PoolView extends VBox {
    private static final PseudoClass WAITING = PseudoClass.getPseudoClass("waiting");

    private final ZoneId zone;
    private final MemoryGauge gauge = new MemoryGauge();
    private final Label memoryText = new Label();
    private final Label queued = new Label();
    private final Label counts = new Label();
    private final VBox groupsBox = new VBox();
    private final Label empty = new Label("No containers: the pool is empty.");
    private final Map<String, PoolGroupView> groups = new HashMap<>();
    private final Map<String, ContainerRow> rows = new HashMap<>();
    private PoolSnapshot shown = PoolSnapshot.EMPTY;

    public PoolView() {
        this(ZoneId.systemDefault());
    }

    /** A pool view showing times of day in {@code zone}. */
    public PoolView(ZoneId zone) {
        this.zone = Objects.requireNonNull(zone, "zone");
        setId("pool-view");
        getStyleClass().add("pool-view");
        getStylesheets().add(styleSheet());

        memoryText.setId("pool-memory-text");
        memoryText.getStyleClass().add("pool-memory-text");
        queued.setId("pool-queued");
        queued.getStyleClass().add("pool-queued");
        counts.setId("pool-counts");
        counts.getStyleClass().add("pool-queued");
        Label memoryLabel = new Label("Memory");
        HBox summary = new HBox(memoryLabel, gauge, memoryText, queued, counts);
        summary.getStyleClass().add("pool-summary");

        groupsBox.setId("pool-groups");
        groupsBox.getStyleClass().add("pool-groups");
        groupsBox.setFillWidth(true);
        empty.setId("pool-empty");
        empty.getStyleClass().add("pool-empty");
        ScrollPane scroll = new ScrollPane(new StackPane(groupsBox));
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().addAll(summary, scroll);
        show(PoolSnapshot.EMPTY);
    }

    /** The snapshot shown. */
    public PoolSnapshot snapshot() {
        return shown;
    }

    /** Shows {@code snapshot}, updating rows and groups in place. */
    public void show(PoolSnapshot snapshot) {
        shown = Objects.requireNonNull(snapshot, "snapshot");
        showSummary(snapshot);

        Set<String> liveRows = new HashSet<>();
        List<Node> orderedGroups = new ArrayList<>();
        for (PoolGroup group : PoolGroup.of(snapshot.containers())) {
            List<ContainerRow> ordered = new ArrayList<>(group.containers().size());
            for (PoolContainer container : group.containers()) {
                ContainerRow row = rows.computeIfAbsent(container.containerId(), ContainerRow::new);
                row.show(container, zone);
                ordered.add(row);
                liveRows.add(container.containerId());
            }
            PoolGroupView view = groups.computeIfAbsent(group.key(), PoolGroupView::new);
            view.show(group, ordered);
            orderedGroups.add(view);
        }
        rows.keySet().retainAll(liveRows);
        Set<Node> liveGroups = new HashSet<>(orderedGroups);
        groups.values().removeIf(view -> !liveGroups.contains(view));
        if (orderedGroups.isEmpty()) {
            orderedGroups.add(empty);
        }
        if (!groupsBox.getChildren().equals(orderedGroups)) {
            groupsBox.getChildren().setAll(orderedGroups);
        }
    }

    private void showSummary(PoolSnapshot snapshot) {
        gauge.show(snapshot.usedMb(), snapshot.capacityMb());
        if (snapshot.capacityMb() > 0) {
            memoryText.setText(String.format(Locale.ROOT, "%,d MB of %,d MB in use (%d %%)", snapshot.usedMb(),
                    snapshot.capacityMb(), Math.round(100.0 * snapshot.usedMb() / snapshot.capacityMb())));
        } else {
            memoryText.setText(String.format(Locale.ROOT, "%,d MB in use", snapshot.usedMb()));
        }
        queued.setText(snapshot.queued() == 0 ? "nothing queued" : snapshot.queued() + " queued");
        queued.pseudoClassStateChanged(WAITING, snapshot.queued() > 0);
        long busy = snapshot.containers().stream().filter(PoolContainer::busy).count();
        int total = snapshot.containers().size();
        counts.setText(total + (total == 1 ? " container" : " containers") + (busy > 0 ? ", " + busy + " busy" : ""));
    }

    /** {@code text} made safe for a CSS id: letters, digits, '-' and '_' kept, anything else '_'. */
    static String safeId(String text) {
        StringBuilder id = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            id.append(c < 128 && (Character.isLetterOrDigit(c) || c == '-' || c == '_') ? c : '_');
        }
        return id.toString();
    }

    private static String styleSheet() {
        URL css = Objects.requireNonNull(PoolView.class.getResource("/dev/whiskstudio/app/timeline.css"),
                "timeline.css is missing from the classpath");
        return css.toExternalForm();
    }
}
