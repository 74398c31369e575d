package dev.whiskstudio.app.workspace.targets;

/**
 * How a key is shown to a person: enough to tell two keys apart, never enough to use one. The uuid part is cut to
 * its first 8 characters; of the secret part only the last few characters show, and none of a short one:
 * {@code 23bc46b1-…:••••9lyGVCGu}-style.
 */
public final class KeyMask {
    /** Stands for the hidden characters, whatever their number. */
    public static final String HIDDEN = "••••";

    private KeyMask() {
    }

    public static String mask(String auth) {
        if (auth == null || auth.isBlank()) {
            return "(no key)";
        }
        int colon = auth.indexOf(':');
        // without a colon the whole value is the secret
        String uuid = colon < 0 ? "" : auth.substring(0, colon);
        String secret = colon < 0 ? auth : auth.substring(colon + 1);
        StringBuilder shown = new StringBuilder();
        if (!uuid.isEmpty()) {
            shown.append(uuid.length() > 8 ? uuid.substring(0, 8) + "…" : uuid).append(':');
        }
        shown.append(HIDDEN);
        int tail = secret.length() >= 32 ? 8 : secret.length() >= 16 ? 4 : 0;
        return shown.append(secret, secret.length() - tail, secret.length()).toString();
    }
}
