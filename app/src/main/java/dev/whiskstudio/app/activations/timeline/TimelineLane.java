package dev.whiskstudio.app.activations.timeline;

/**
 * A lane of the timeline as shown: its key (a container id or an action path) and the name on its left.
 */
public record TimelineLane(String key, String label) {
}
