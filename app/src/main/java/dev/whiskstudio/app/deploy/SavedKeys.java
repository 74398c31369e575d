package dev.whiskstudio.app.deploy;

import dev.whiskstudio.app.workspace.targets.TargetEntry;
import dev.whiskstudio.app.workspace.targets.TargetFields;
import dev.whiskstudio.app.workspace.targets.TargetListing;
import dev.whiskstudio.app.workspace.targets.UserTargets;

import java.io.IOException;
import java.util.Optional;

/**
 * Keys entered once: a key typed into the dialog or given on the command line is kept in the user's targets file
 * (owner-only, see {@link UserTargets}) unless a known target already has it, so it need not be typed again. The
 * key is never part of a message.
 */
public final class SavedKeys {
    private SavedKeys() {
    }

    /** The known target (from .wskprops, an aio .env, the user's file) with this host and key, if any. */
    public static Optional<TargetEntry> known(TargetListing listing, String apiHost, String auth) {
        return listing.targets().stream()
                .filter(t -> sameHost(t.apiHost(), apiHost) && t.target().auth().equals(auth == null ? "" : auth.strip()))
                .findFirst();
    }

    /**
     * Saves the key as the user's target {@code name}, unless a known target has it already (which is answered).
     *
     * @throws IllegalArgumentException when a field is wrong or the name is taken, in words a person reads
     */
    public static TargetEntry saveIfNew(TargetListing listing, UserTargets userTargets, String name, String apiHost,
                                        String auth, String namespace) throws IOException {
        Optional<TargetEntry> known = known(listing, apiHost, auth);
        if (known.isPresent()) {
            return known.get();
        }
        return userTargets.add(new TargetFields(name, apiHost, auth, namespace));
    }

    private static boolean sameHost(String a, String b) {
        return normal(a).equals(normal(b));
    }

    private static String normal(String host) {
        String h = host == null ? "" : host.strip().toLowerCase(java.util.Locale.ROOT);
        while (h.endsWith("/")) {
            h = h.substring(0, h.length() - 1);
        }
        return h.contains("://") ? h : "https://" + h;
    }
}
