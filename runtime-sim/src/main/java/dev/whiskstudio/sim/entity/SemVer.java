package dev.whiskstudio.sim.entity;

/** An entity version, {@code major.minor.patch}; updates bump the patch. */
public record SemVer(int major, int minor, int patch) {
    public static final SemVer INITIAL = new SemVer(0, 0, 1);

    public SemVer upPatch() {
        return new SemVer(major, minor, patch + 1);
    }

    /** Parses {@code 1.2.3} ({@code 1} and {@code 1.2} fill in zeros); a bad string gives {@link IllegalArgumentException}. */
    public static SemVer parse(String text) {
        String[] parts = text.trim().split("\\.", -1);
        if (parts.length < 1 || parts.length > 3) {
            throw new IllegalArgumentException("bad semantic version " + text);
        }
        try {
            SemVer v = new SemVer(Integer.parseInt(parts[0]), parts.length > 1 ? Integer.parseInt(parts[1]) : 0,
                    parts.length > 2 ? Integer.parseInt(parts[2]) : 0);
            if (v.major < 0 || v.minor < 0 || v.patch < 0 || (v.major == 0 && v.minor == 0 && v.patch == 0)) {
                throw new IllegalArgumentException("bad semantic version " + text);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad semantic version " + text, e);
        }
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}
