/**
 * The first screen: the embedded simulator's status (state, API host, profile, data directory), the entity counts
 * of namespace {@code guest} read through the REST client, and whether Node.js is installed. One view model,
 * {@link dev.whiskstudio.app.status.StatusModel}, does the work off the UI thread and exposes properties; the views
 * only bind to them.
 */
package dev.whiskstudio.app.status;
