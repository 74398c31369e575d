package dev.whiskstudio.app.activations;

/** The status filter: any, one status, or every kind of failure. */
public enum StatusChoice {
    ANY("Any status"),
    SUCCESS("Success"),
    FAILED("Any error"),
    APPLICATION_ERROR("Application error"),
    DEVELOPER_ERROR("Developer error"),
    WHISK_ERROR("Whisk error");

    private final String title;

    StatusChoice(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    public boolean accepts(ActivationStatus status) {
        return switch (this) {
            case ANY -> true;
            case SUCCESS -> status == ActivationStatus.SUCCESS;
            case FAILED -> status.failed();
            case APPLICATION_ERROR -> status == ActivationStatus.APPLICATION_ERROR;
            case DEVELOPER_ERROR -> status == ActivationStatus.DEVELOPER_ERROR;
            case WHISK_ERROR -> status == ActivationStatus.WHISK_ERROR;
        };
    }

    @Override
    public String toString() {
        return title;
    }
}
