package dev.whiskstudio.app.activations;

import dev.whiskstudio.app.ui.IconGraphic;
import dev.whiskstudio.icons.Icon;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The activations as a virtualized table (only the rows on screen have nodes): name, short id, status in colour,
 * start in local time, duration, wait, init, start kind with its icon, memory, kind. Clicking a header sorts; the
 * sorting itself is the caller's ({@link #setOnSort}), done off the FX thread, so the table never sorts 100,000 rows
 * on the FX thread.
 */
public final class ActivationTable extends TableView<ActivationRow> {
    private static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");

    private final ZoneId zone;
    private Consumer<ActivationSort> onSort = s -> { };

    public ActivationTable(ZoneId zone) {
        this.zone = Objects.requireNonNull(zone);
        setId("activations-table");
        getStyleClass().add("activations-table");
        getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        setFixedCellSize(26);
        setPlaceholder(new Label("No activations"));
        getColumns().add(text(ActivationColumn.NAME, 200, false, ActivationRow::path));
        getColumns().add(text(ActivationColumn.ID, 110, false, ActivationRow::shortId));
        getColumns().add(status());
        getColumns().add(text(ActivationColumn.START, 150, false, r -> RowText.start(r.start(), zone, today())));
        getColumns().add(text(ActivationColumn.DURATION, 80, true, r -> RowText.millis(r.duration())));
        getColumns().add(text(ActivationColumn.WAIT, 70, true, r -> RowText.millis(r.waitTime())));
        getColumns().add(text(ActivationColumn.INIT, 70, true, r -> RowText.millis(r.initTime())));
        getColumns().add(startKind());
        getColumns().add(text(ActivationColumn.MEMORY, 80, true, r -> RowText.memory(r.memory())));
        getColumns().add(text(ActivationColumn.KIND, 100, false, r -> RowText.kind(r.kind())));
        setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(ActivationRow row, boolean empty) {
                super.updateItem(row, empty);
                pseudoClassStateChanged(FAILED, !empty && row != null && row.status().failed());
            }
        });
        setSortPolicy(table -> {
            onSort.accept(currentSort());
            return true;
        });
    }

    /** Told the order the headers ask for, whenever it changes. */
    public void setOnSort(Consumer<ActivationSort> onSort) {
        this.onSort = Objects.requireNonNull(onSort);
    }

    /** The order of the sort columns as chosen in the headers. */
    public ActivationSort currentSort() {
        List<ActivationSort.Key> keys = new ArrayList<>();
        for (TableColumn<ActivationRow, ?> column : getSortOrder()) {
            if (column.getUserData() instanceof ActivationColumn c) {
                keys.add(new ActivationSort.Key(c, column.getSortType() == TableColumn.SortType.ASCENDING));
            }
        }
        return new ActivationSort(keys);
    }

    /** The table column of a column of the model. */
    @SuppressWarnings("unchecked")
    public TableColumn<ActivationRow, ActivationRow> column(ActivationColumn which) {
        for (TableColumn<ActivationRow, ?> column : getColumns()) {
            if (column.getUserData() == which) {
                return (TableColumn<ActivationRow, ActivationRow>) column;
            }
        }
        throw new IllegalArgumentException("no column " + which);
    }

    private LocalDate today;
    private long todayCheckedAt;

    /** Today's date, looked up at most once a second: every start cell asks while scrolling. */
    private LocalDate today() {
        long now = System.currentTimeMillis();
        if (today == null || now - todayCheckedAt > 1000) {
            today = LocalDate.now(zone);
            todayCheckedAt = now;
        }
        return today;
    }

    private static TableColumn<ActivationRow, ActivationRow> column(ActivationColumn which, double width) {
        TableColumn<ActivationRow, ActivationRow> column = new TableColumn<>(which.title());
        column.setId(which.cssId());
        column.setUserData(which);
        column.setPrefWidth(width);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        return column;
    }

    private TableColumn<ActivationRow, ActivationRow> text(ActivationColumn which, double width, boolean number,
                                                            Function<ActivationRow, String> text) {
        TableColumn<ActivationRow, ActivationRow> column = column(which, width);
        column.setCellFactory(c -> new TableCell<>() {
            {
                if (number) {
                    getStyleClass().add("activations-number");
                }
            }

            @Override
            protected void updateItem(ActivationRow row, boolean empty) {
                super.updateItem(row, empty);
                setText(empty || row == null ? null : text.apply(row));
            }
        });
        return column;
    }

    /** The status as the cell's own text, coloured as a pill by pseudo-class: no extra node per row. */
    private TableColumn<ActivationRow, ActivationRow> status() {
        TableColumn<ActivationRow, ActivationRow> column = column(ActivationColumn.STATUS, 130);
        column.setCellFactory(c -> new TableCell<>() {
            {
                getStyleClass().add("status-cell");
            }

            @Override
            protected void updateItem(ActivationRow row, boolean empty) {
                super.updateItem(row, empty);
                if (empty || row == null) {
                    Marks.status(this, null);
                    setText(null);
                    return;
                }
                setText(row.status().title());
                Marks.status(this, row.status());
            }
        });
        return column;
    }

    /**
     * The start kind as an icon and its name. Each cell holds one icon per kind, each with its own fixed colour, and
     * only their visibility changes: no style changes while scrolling, so no CSS pass over the cell.
     */
    private TableColumn<ActivationRow, ActivationRow> startKind() {
        TableColumn<ActivationRow, ActivationRow> column = column(ActivationColumn.START_KIND, 100);
        column.setCellFactory(c -> new TableCell<>() {
            private final IconGraphic cold = icon(Icon.COLD_START, "start-icon-cold");
            private final IconGraphic prewarm = icon(Icon.COLD_START, "start-icon-prewarm");
            private final IconGraphic warm = icon(Icon.WARM_START, "start-icon-warm");
            private final StackPane icons = new StackPane(cold, prewarm, warm);

            {
                getStyleClass().add("start-kind-cell");
                icons.setMinWidth(14);
                setGraphicTextGap(6);
                setAlignment(Pos.CENTER_LEFT);
            }

            @Override
            protected void updateItem(ActivationRow row, boolean empty) {
                super.updateItem(row, empty);
                if (empty || row == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                StartKind kind = row.startKind();
                setText(kind.title());
                cold.setVisible(kind == StartKind.COLD);
                prewarm.setVisible(kind == StartKind.PREWARM);
                warm.setVisible(kind == StartKind.WARM);
                setGraphic(icons);
            }
        });
        return column;
    }

    private static IconGraphic icon(Icon icon, String styleClass) {
        IconGraphic graphic = new IconGraphic(icon, 14);
        graphic.getStyleClass().add(styleClass);
        graphic.setVisible(false);
        return graphic;
    }
}
