package dev.whiskstudio.app.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.whiskstudio.app.client.EntityCollection;
import dev.whiskstudio.app.client.OpenWhiskClient;
import dev.whiskstudio.app.client.OpenWhiskException;
import dev.whiskstudio.app.workspace.sync.EntityKind;
import dev.whiskstudio.app.workspace.sync.StepWriter;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Carries out a {@link DeployPreview} on the calling thread, in its order: an unchanged entity is not sent, so a
 * deploy of an unchanged project sends no write at all; a create or update goes through the sync's
 * {@link StepWriter}; a feed's digest is written to its trigger once the feed was created; an extra entity is
 * deleted only when asked (a trigger after its feed forgot it), and never while a sequence uses it. A refusal of the
 * key (401, or 403 on the target's namespace) or a target that is gone stops the deploy; any other failure (a 403
 * on another namespace's feed among them) marks that entity and the run goes on with those that do not need it. A sequence is never written when a component failed, was skipped or is missing on the target. Cancellation
 * is checked before each entity (and between retries, by the client's {@link RetryInterceptor}).
 */
final class DeployRun {
    private final OpenWhiskClient client;
    private final StepWriter writer;

    DeployRun(OpenWhiskClient client, StepWriter writer) {
        this.client = client;
        this.writer = writer;
    }

    DeployResult execute(DeployPreview preview, boolean deleteExtra, DeployListener listener, BooleanSupplier cancelled) {
        DeployListener hear = listener == null ? DeployListener.NONE : listener;
        List<DeployItem> items = preview.items();
        int total = items.size();
        List<ItemResult> results = new ArrayList<>();
        Map<String, ItemResult> byId = new HashMap<>();
        boolean wasCancelled = false;
        String stopReason = null;
        for (int index = 0; index < total; index++) {
            DeployItem item = items.get(index);
            ItemResult result;
            if (wasCancelled || stopReason != null || cancelled.getAsBoolean() || Thread.currentThread().isInterrupted()) {
                wasCancelled = wasCancelled || stopReason == null;
                result = ItemResult.of(item, ItemStatus.NOT_RUN, wasCancelled ? "Cancelled before it was sent." : stopReason);
            } else {
                hear.started(index, total, item);
                result = blockedBy(item, byId);
                if (result == null) {
                    try {
                        send(preview, item, deleteExtra);
                        result = ItemResult.of(item, item.change() == Change.UNCHANGED ? ItemStatus.UNCHANGED
                                : item.change() == Change.DELETE && !deleteExtra ? ItemStatus.SKIPPED : ItemStatus.DONE,
                                item.change() == Change.DELETE && !deleteExtra
                                        ? "Kept: deleting extra entities was not asked for." : "");
                    } catch (OpenWhiskException e) {
                        OpenWhiskException failure = AuthFailure.orSame(e);
                        result = new ItemResult(item, ItemStatus.FAILED, failure.error(), failure.status());
                        if (failure instanceof AuthFailure) {
                            stopReason = failure.getMessage();
                        }
                    } catch (IOException e) {
                        if (cancelled.getAsBoolean() || Thread.currentThread().isInterrupted()) {
                            wasCancelled = true;
                            result = ItemResult.of(item, ItemStatus.FAILED,
                                    "Cancelled while it was being sent: it may or may not have been applied.");
                        } else {
                            result = ItemResult.of(item, ItemStatus.FAILED, StepWriter.describe(e));
                            if (StepWriter.isUnreachable(e)) {
                                stopReason = "The target cannot be reached: " + StepWriter.describe(e);
                            }
                        }
                    } catch (RuntimeException e) {
                        result = ItemResult.of(item, ItemStatus.FAILED, String.valueOf(e.getMessage()));
                    }
                }
            }
            results.add(result);
            byId.put(item.id(), result);
            hear.finished(index, total, result);
        }
        return new DeployResult(results, wasCancelled, stopReason);
    }

    private void send(DeployPreview preview, DeployItem item, boolean deleteExtra) throws IOException {
        switch (item.change()) {
            case UNCHANGED -> { }
            case CREATE, UPDATE -> {
                if (item.kind() == EntityKind.FEED) {
                    feed(preview, item);
                } else {
                    writer.write(item.step());
                }
            }
            case DELETE -> {
                if (deleteExtra) {
                    delete(preview.namespace(), item);
                }
            }
        }
    }

    /**
     * A feed's (re)creation, then its digest on the trigger: only a feed that was created is recorded as such, so
     * one that failed, timed out or was cancelled shows as changed in the next preview and is tried again.
     */
    private void feed(DeployPreview preview, DeployItem item) throws IOException {
        JsonNode body = item.step().body();
        String feed = body.path("feed").asText();
        try {
            writer.write(item.step());
        } catch (OpenWhiskException e) {
            // every request of a feed step goes to the feed's namespace (the one it replaces, or its own)
            String previous = body.path(StepWriter.PREVIOUS_FEED).asText(feed);
            OpenWhiskException refused = ForeignRefusal.orSame(e, ForeignRefusal.namespaceOf(feed),
                    preview.namespace(), "the feed " + feed);
            if (refused == e && !previous.equals(feed)) {
                refused = ForeignRefusal.orSame(e, ForeignRefusal.namespaceOf(previous), preview.namespace(),
                        "the feed " + feed + " or " + previous);
            }
            throw refused;
        }
        if (body.path(StepWriter.UNREGISTER).asBoolean(false)) {
            return;
        }
        DeployItem trigger = preview.items().stream()
                .filter(i -> i.kind() == EntityKind.TRIGGER && i.name().equals(item.name()) && i.step() != null)
                .findFirst().orElseThrow(() -> new IllegalStateException("the feed " + item.name() + " has no trigger"));
        try {
            client.put(preview.namespace(), EntityCollection.TRIGGERS, item.name(),
                    DeployPlan.withDigest(trigger.step().body(), body), true);
        } catch (OpenWhiskException e) {
            OpenWhiskException failure = AuthFailure.orSame(e);
            if (failure instanceof AuthFailure) {
                throw failure;
            }
            throw new OpenWhiskException(e.status(), "The feed was created, but the trigger could not record it ("
                    + e.error() + "): the next deploy creates it again.", e.code());
        }
    }

    private void delete(String namespace, DeployItem item) throws IOException {
        if (item.kind() == EntityKind.TRIGGER) {
            unregisterFeed(namespace, item.name());
        }
        try {
            client.delete(namespace, item.collection(), item.name(), false);
        } catch (OpenWhiskException e) {
            if (e.status() != 404) {
                throw e;
            }
            // gone already: the wanted state
        }
    }

    /** Before a trigger is deleted, the feed it records forgets it (else the feed would go on firing nothing). */
    private void unregisterFeed(String namespace, String trigger) throws IOException {
        JsonNode actual;
        try {
            actual = client.get(namespace, EntityCollection.TRIGGERS, trigger);
        } catch (OpenWhiskException e) {
            if (e.status() == 404) {
                return;
            }
            throw e;
        }
        String feed = PreviewBuilder.feedOf(actual);
        if (feed == null) {
            return;
        }
        try {
            writer.unregister(feed, "/" + namespace + "/" + trigger);
        } catch (OpenWhiskException e) {
            throw ForeignRefusal.orSame(e, ForeignRefusal.namespaceOf(feed), namespace, "the feed " + feed);
        }
    }

    /** A skip when the entity cannot be written: something it needs did not succeed, or is missing; else null. */
    private static ItemResult blockedBy(DeployItem item, Map<String, ItemResult> byId) {
        if (item.change() == Change.DELETE) {
            return item.blocked() == null ? null : ItemResult.of(item, ItemStatus.SKIPPED, "Kept: " + item.blocked() + ".");
        }
        if (item.step() == null || item.change() == Change.UNCHANGED) {
            return null;
        }
        for (String need : item.step().dependsOn()) {
            ItemResult before = byId.get(need);
            if (before != null && !before.status().ok()) {
                DeployItem needed = before.item();
                String what = needed.kind().word() + " " + needed.name() + ", which "
                        + (before.status() == ItemStatus.FAILED ? "failed" : "was " + before.status().word());
                boolean component = item.kind() == EntityKind.SEQUENCE
                        && (needed.kind() == EntityKind.ACTION || needed.kind() == EntityKind.SEQUENCE);
                return ItemResult.of(item, ItemStatus.SKIPPED, component
                        ? "Not written: its component " + what + " (a sequence never points at a missing action)."
                        : "Skipped: it needs the " + what + ".");
            }
        }
        if (item.blocked() != null) {
            return ItemResult.of(item, ItemStatus.SKIPPED, "Not written: " + item.blocked() + ".");
        }
        return null;
    }
}
