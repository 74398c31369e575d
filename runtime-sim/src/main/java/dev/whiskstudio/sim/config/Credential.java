package dev.whiskstudio.sim.config;

/** One API key ({@code uuid:key}) and the namespace it opens. */
public record Credential(String namespace, String uuid, String key) {

    /** The well-known key of a local OpenWhisk for namespace {@code guest}. */
    public static final Credential GUEST = parse("guest",
            "23bc46b1-71f6-4ed5-8c54-816aa4f8c502:123zO3xZCLrMN6v2BKK1dXYFpXlPkccOFqm12CdAsMgRU4VrNZ9lyGVCGuMDGIwP");

    public static Credential parse(String namespace, String auth) {
        int colon = auth.indexOf(':');
        if (colon <= 0 || colon == auth.length() - 1) {
            throw new IllegalArgumentException("auth for namespace '" + namespace + "' must be uuid:key");
        }
        return new Credential(namespace, auth.substring(0, colon), auth.substring(colon + 1));
    }

    public String auth() {
        return uuid + ":" + key;
    }

    @Override
    public String toString() {
        return "Credential[" + namespace + ", " + uuid + ":***]";
    }
}
