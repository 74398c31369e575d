package dev.whiskstudio.sim.invoker;

/** What the action proxy answered: an HTTP status and the body text. */
record ProxyResponse(int status, String body) {
}
