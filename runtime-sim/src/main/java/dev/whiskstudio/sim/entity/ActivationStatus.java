package dev.whiskstudio.sim.entity;

/** How an activation ended, with the platform's code and word for it. */
public enum ActivationStatus {
    SUCCESS(0, "success"),
    APPLICATION_ERROR(1, "application error"),
    DEVELOPER_ERROR(2, "action developer error"),
    WHISK_ERROR(3, "whisk internal error");

    private final int code;
    private final String text;

    ActivationStatus(int code, String text) {
        this.code = code;
        this.text = text;
    }

    public int code() {
        return code;
    }

    public String text() {
        return text;
    }

    public static ActivationStatus ofCode(int code) {
        for (ActivationStatus s : values()) {
            if (s.code == code) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown activation status " + code);
    }
}
