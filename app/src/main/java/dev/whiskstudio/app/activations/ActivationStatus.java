package dev.whiskstudio.app.activations;

/** The outcome of an activation, as the platform's {@code response.statusCode} (0 to 3) and its words say. */
public enum ActivationStatus {
    SUCCESS("success", "Success"),
    APPLICATION_ERROR("application error", "Application error"),
    DEVELOPER_ERROR("action developer error", "Developer error"),
    WHISK_ERROR("whisk internal error", "Whisk error");

    private final String platformText;
    private final String title;

    ActivationStatus(String platformText, String title) {
        this.platformText = platformText;
        this.title = title;
    }

    /** The platform's {@code response.status}, e.g. {@code action developer error}. */
    public String platformText() {
        return platformText;
    }

    public String title() {
        return title;
    }

    public boolean failed() {
        return this != SUCCESS;
    }

    /** 0 success, 1 application error, 2 developer error, 3 (or anything else) whisk internal error. */
    public static ActivationStatus fromCode(int statusCode) {
        return switch (statusCode) {
            case 0 -> SUCCESS;
            case 1 -> APPLICATION_ERROR;
            case 2 -> DEVELOPER_ERROR;
            default -> WHISK_ERROR;
        };
    }

    /** The platform's words; null when they are none of the four. */
    public static ActivationStatus fromText(String text) {
        for (ActivationStatus s : values()) {
            if (s.platformText.equalsIgnoreCase(text)) {
                return s;
            }
        }
        return null;
    }
}
