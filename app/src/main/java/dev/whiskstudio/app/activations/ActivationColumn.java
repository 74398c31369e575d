package dev.whiskstudio.app.activations;

import java.util.Comparator;
import java.util.Locale;

/** The list's columns, with the order each sorts by (ascending; unknown values, -1, sort first). */
public enum ActivationColumn {
    NAME("Name", Comparator.comparing(ActivationRow::path)),
    ID("Id", Comparator.comparing(ActivationRow::activationId)),
    STATUS("Status", Comparator.comparing(ActivationRow::status)),
    START("Start", Comparator.comparingLong(ActivationRow::start)),
    DURATION("Duration", Comparator.comparingLong(ActivationRow::duration)),
    WAIT("Wait", Comparator.comparingLong(ActivationRow::waitTime)),
    INIT("Init", Comparator.comparingLong(ActivationRow::initTime)),
    START_KIND("Start kind", Comparator.comparing(ActivationRow::startKind)),
    MEMORY("Memory", Comparator.comparingInt(ActivationRow::memory)),
    KIND("Kind", Comparator.comparing(ActivationRow::kind));

    private final String title;
    private final Comparator<ActivationRow> order;

    ActivationColumn(String title, Comparator<ActivationRow> order) {
        this.title = title;
        this.order = order;
    }

    public String title() {
        return title;
    }

    public Comparator<ActivationRow> order() {
        return order;
    }

    /** {@code activations-column-start-kind}: the CSS id of the column. */
    public String cssId() {
        return "activations-column-" + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
