package dev.whiskstudio.app.activations.live;

import dev.whiskstudio.app.activations.ActivationReader;
import dev.whiskstudio.app.activations.ActivationRow;
import dev.whiskstudio.app.activations.ActivationTarget;
import dev.whiskstudio.app.activations.ActivationsView;
import dev.whiskstudio.app.activations.LogEntry;
import dev.whiskstudio.app.activations.LogSnapshot;
import dev.whiskstudio.app.activations.SavedFilters;
import dev.whiskstudio.app.activations.pool.PoolView;
import dev.whiskstudio.app.activations.timeline.ActivationTimeline;
import dev.whiskstudio.app.activations.timeline.TimelineBar;
import dev.whiskstudio.app.activations.timeline.TimelineControls;
import dev.whiskstudio.app.activations.timeline.TimelineModel;
import dev.whiskstudio.app.client.OpenWhiskClient;
import dev.whiskstudio.app.client.SimulatorInsightClient;
import dev.whiskstudio.app.client.Target;
import dev.whiskstudio.app.client.insight.SimulatorInfo;
import dev.whiskstudio.app.explorer.ActionRef;
import dev.whiskstudio.app.explorer.TargetClients;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The activations of the selected target in three tabs: the list with its details, the timeline, and (on a Whisk
 * Studio simulator) the container pool. A target is asked once whether it is a simulator ({@code GET /sim/v1}): a
 * simulator feeds the list from its event stream with each activation's container and parameters, a cluster is
 * polled. The timeline shows the newest {@value #TIMELINE_CAP} rows of the list, and activations still running.
 */
public final class ActivationsPanel extends TabPane {
    /** The timeline draws 10,000 bars within a frame; it keeps the newest this many. */
    static final int TIMELINE_CAP = 10_000;

    private final Executor io;
    private final TargetClients clients;
    private final ActivationsView view;
    private final TimelineModel timelineModel = new TimelineModel();
    private final ActivationTimeline timeline = new ActivationTimeline(timelineModel);
    private final PoolView poolView = new PoolView();
    private final Tab listTab;
    private final Tab timelineTab;
    private final Tab poolTab;
    private final Label poolNote = new Label();
    /** What the timeline was last given per id, so only new or changed rows are drawn anew. */
    private final Map<String, ActivationRow> onTimeline = new HashMap<>();
    private SimulatorInsightClient simulator;
    private boolean timelineUpdateQueued;
    private long generation;

    public ActivationsPanel(Executor io, TargetClients clients, Path configDir) {
        this.io = io;
        this.clients = clients;
        setId("activations-panel");
        view = new ActivationsView(io, new SavedFilters(SavedFilters.fileIn(configDir), io));
        listTab = new Tab("Activations", view);
        listTab.setId("activations-tab");
        timelineTab = new Tab("Timeline", new BorderPane(timeline, new TimelineControls(timeline), null, null, null));
        timelineTab.setId("timeline-tab");
        poolNote.setId("pool-note");
        poolNote.setWrapText(true);
        poolNote.getStyleClass().add("pane-placeholder");
        poolTab = new Tab("Containers", new VBox(poolNote, poolView));
        poolTab.setId("pool-tab");
        for (Tab t : List.of(listTab, timelineTab, poolTab)) {
            t.setClosable(false);
        }
        getTabs().addAll(listTab, timelineTab, poolTab);

        timeline.setOnOpenActivation(id -> {
            getSelectionModel().select(listTab);
            view.select(id);
        });
        // the list's rows feed the timeline, coalesced to one update per pulse
        view.log().addListener(this::queueTimelineUpdate);
        showPoolNote("Connecting…");
    }

    /** "Open action source" in the details. */
    public void setOnOpenAction(Consumer<ActionRef> onOpenAction) {
        view.setOnOpenAction(onOpenAction);
    }

    /** "Debug again" in the details of an activation; null hides it. */
    public void setOnDebugWithInput(java.util.function.BiConsumer<ActionRef, com.fasterxml.jackson.databind.JsonNode> onDebug) {
        view.setOnDebugWithInput(onDebug);
    }

    /**
     * Adds a tab after the activations' own (the debugger's, say) and returns a way to bring it forward.
     */
    public Runnable addTab(Tab tab) {
        tab.setClosable(false);
        getTabs().add(tab);
        return () -> getSelectionModel().select(tab);
    }

    /** While false (the panel hidden), nothing is polled or streamed. */
    public BooleanProperty activeProperty() {
        return view.activeProperty();
    }

    public ActivationsView view() {
        return view;
    }

    public ActivationTimeline timeline() {
        return timeline;
    }

    public PoolView poolView() {
        return poolView;
    }

    /** Shows an activation in the list and its details (fetched if the list does not have it). */
    public void show(String activationId) {
        getSelectionModel().select(listTab);
        view.select(activationId);
    }

    /** Follows another target (null: none): asks it whether it is a simulator, then feeds the views from it. */
    public void setTarget(Target target, String namespace) {
        long mine = ++generation;
        closeSimulator();
        view.setTarget(null);
        timelineModel.clear();
        onTimeline.clear();
        if (target == null) {
            return;
        }
        showPoolNote("Asking " + target.name() + " whether it is a Whisk Studio simulator…");
        OpenWhiskClient client = clients.clientFor(target);
        io.execute(() -> {
            SimulatorInsightClient candidate = new SimulatorInsightClient(target);
            Optional<SimulatorInfo> info;
            String ns = namespace;
            try {
                info = candidate.info();
                if (info.isPresent() && (ns == null || ns.equals("_"))) {
                    // the insight API wants the namespace's name, not the caller's "_"
                    List<String> own = client.namespaces();
                    ns = own.isEmpty() ? "_" : own.get(0);
                }
            } catch (Exception e) {
                info = Optional.empty();
            }
            if (info.isEmpty()) {
                candidate.close();
            }
            Optional<SimulatorInfo> found = info;
            String resolved = ns == null ? "_" : ns;
            Platform.runLater(() -> {
                if (mine != generation) {
                    found.ifPresent(i -> candidate.close());
                    return;
                }
                if (found.isPresent()) {
                    followSimulator(target, client, candidate, resolved);
                } else {
                    view.setTarget(ActivationTarget.polling(target.name(), client, resolved));
                    poolView.show(dev.whiskstudio.app.activations.pool.PoolSnapshot.EMPTY);
                    showPoolNote(target.name() + " is a cluster: its containers are not visible from outside.");
                }
            });
        });
    }

    private void followSimulator(Target target, OpenWhiskClient client, SimulatorInsightClient insight, String ns) {
        simulator = insight;
        ActivationReader reader = new ActivationReader(client, ns);
        SimulatorLiveFeed feed = new SimulatorLiveFeed(insight, reader);
        feed.setOnStarted(e -> Platform.runLater(() -> {
            if (simulator == insight && timelineModel.bar(e.activationId()).isEmpty()) {
                timelineModel.put(LiveMappings.running(e));
            }
        }));
        // an activation with no record to come (Adobe's successful blocking calls) leaves the timeline when it ends
        feed.setOnEnded(id -> Platform.runLater(() -> {
            if (simulator == insight && timelineModel.bar(id).map(b -> b.running()).orElse(false)) {
                timelineModel.remove(id);
            }
        }));
        feed.setOnPool(p -> Platform.runLater(() -> {
            if (simulator == insight) {
                poolView.show(LiveMappings.pool(p));
            }
        }));
        view.setTarget(new ActivationTarget(target.name(), reader, new SimulatorInsightSource(insight), feed));
        showPoolNote(null);
        // the first pool, before the stream's first event
        io.execute(() -> {
            try {
                var pool = LiveMappings.pool(insight.pool());
                Platform.runLater(() -> {
                    if (simulator == insight) {
                        poolView.show(pool);
                    }
                });
            } catch (Exception e) {
                Platform.runLater(() -> showPoolNote("Could not read the container pool: " + e.getMessage()));
            }
        });
    }

    private void showPoolNote(String text) {
        poolNote.setText(text == null ? "" : text);
        poolNote.setVisible(text != null);
        poolNote.setManaged(text != null);
    }

    private void queueTimelineUpdate() {
        // the log calls this on whichever thread changed it
        Platform.runLater(() -> {
            if (!timelineUpdateQueued) {
                timelineUpdateQueued = true;
                Platform.runLater(this::updateTimeline);
            }
        });
    }

    /** Puts the rows that are new or changed since the last update, newest first, up to the cap. */
    private void updateTimeline() {
        timelineUpdateQueued = false;
        LogSnapshot snapshot = view.log().snapshot();
        List<TimelineBar> changed = new ArrayList<>();
        int n = Math.min(TIMELINE_CAP, snapshot.size());
        for (int i = 0; i < n; i++) {
            LogEntry entry = snapshot.entries()[i];
            ActivationRow row = entry.row();
            if (onTimeline.get(row.activationId()) != row) {
                onTimeline.put(row.activationId(), row);
                changed.add(LiveMappings.bar(row));
            }
        }
        if (!changed.isEmpty()) {
            timelineModel.putAll(changed);
        }
        // rows that fell out of the newest ones leave the timeline
        if (onTimeline.size() > TIMELINE_CAP) {
            Set<String> newest = new HashSet<>(n * 2);
            for (int i = 0; i < n; i++) {
                newest.add(snapshot.entries()[i].row().activationId());
            }
            List<String> gone = new ArrayList<>();
            for (String id : onTimeline.keySet()) {
                if (!newest.contains(id)) {
                    gone.add(id);
                }
            }
            gone.forEach(onTimeline::remove);
            timelineModel.removeAll(gone);
        }
    }

    private void closeSimulator() {
        if (simulator != null) {
            SimulatorInsightClient old = simulator;
            simulator = null;
            io.execute(old::close);
        }
    }

    /** Stops the feeds and lets go of the simulator's client. */
    public void dispose() {
        generation++;
        closeSimulator();
        view.dispose();
        timeline.dispose();
    }
}
