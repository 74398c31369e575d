package dev.whiskstudio.plugin;

import java.util.List;

/** A plugin that runs actions of some kinds: it lists them and says how to start their action proxy. */
public interface RuntimeProvider {

    /** A short stable id, such as {@code nodejs}. */
    String id();

    /** The kinds this plugin runs. */
    List<RuntimeKind> kinds();

    /** How to start a proxy for one container of {@code request.kind()}. */
    ProxyLaunch launch(ProxyRequest request);
}
