package dev.whiskstudio.sim.controller;

import com.fasterxml.jackson.databind.JsonNode;
import dev.whiskstudio.sim.entity.ActivationRecord;
import dev.whiskstudio.sim.store.ActivationRow;

/**
 * Sees every activation record the controller stores, with the payload the activation was invoked with: it decides
 * what is stored beside the record, and hears when the record is handed to the store. Called on the activation's
 * thread, so it must return at once.
 */
public interface ActivationObserver {

    /**
     * The row to store for a record: the record's own, plus whatever is kept beside it.
     *
     * @param params the payload the activation was invoked with, as the caller sent it (not merged with the action's
     *               or package's parameters)
     */
    ActivationRow row(ActivationRecord record, JsonNode params);

    /** The row was handed to the writer: a read of the activation API from now on finds it. */
    void handedIn(ActivationRecord record, ActivationRow row);

    /** The record will not be stored (the Adobe profile keeps only some blocking activations' records). */
    void notStored(ActivationRecord record);

    /** Stores the record alone and hears nothing. */
    ActivationObserver NONE = new ActivationObserver() {
        @Override
        public ActivationRow row(ActivationRecord record, JsonNode params) {
            return ActivationRow.of(record);
        }

        @Override
        public void handedIn(ActivationRecord record, ActivationRow row) {
        }

        @Override
        public void notStored(ActivationRecord record) {
        }
    };
}
