package dev.whiskstudio.plugin;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** The plugins found on a class path, by kind of service. */
public final class PluginRegistry {
    private final List<RuntimeProvider> runtimes;
    private final List<FeedProvider> feeds;

    public PluginRegistry(List<RuntimeProvider> runtimes, List<FeedProvider> feeds) {
        this.runtimes = List.copyOf(runtimes);
        this.feeds = List.copyOf(feeds);
    }

    /** Every plugin registered in {@code META-INF/services} that the class loader sees. */
    public static PluginRegistry load(ClassLoader loader) {
        return new PluginRegistry(loadAll(RuntimeProvider.class, loader), loadAll(FeedProvider.class, loader));
    }

    private static <T> List<T> loadAll(Class<T> service, ClassLoader loader) {
        List<T> found = new ArrayList<>();
        ServiceLoader.load(service, loader).forEach(found::add);
        return found;
    }

    public List<RuntimeProvider> runtimes() {
        return runtimes;
    }

    public List<FeedProvider> feeds() {
        return feeds;
    }

    /** The runtime that runs a kind, or null. */
    public RuntimeProvider runtimeFor(String kind) {
        for (RuntimeProvider r : runtimes) {
            for (RuntimeKind k : r.kinds()) {
                if (k.kind().equals(kind)) {
                    return r;
                }
            }
        }
        return null;
    }
}
