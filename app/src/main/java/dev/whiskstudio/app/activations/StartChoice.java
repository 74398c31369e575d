package dev.whiskstudio.app.activations;

/** The cold/warm filter: any, one start kind, or any start that initialised a container (cold or prewarm). */
public enum StartChoice {
    ANY("Any start"),
    COLD_OR_PREWARM("Cold or prewarm"),
    COLD("Cold"),
    PREWARM("Prewarm"),
    WARM("Warm");

    private final String title;

    StartChoice(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    public boolean accepts(StartKind kind) {
        return switch (this) {
            case ANY -> true;
            case COLD_OR_PREWARM -> kind == StartKind.COLD || kind == StartKind.PREWARM;
            case COLD -> kind == StartKind.COLD;
            case PREWARM -> kind == StartKind.PREWARM;
            case WARM -> kind == StartKind.WARM;
        };
    }

    @Override
    public String toString() {
        return title;
    }
}
