package dev.whiskstudio.app.explorer;

import java.io.IOException;

/** A command the explorer will not do, with the reason in words for the user (e.g. the new name is taken). */
public class RefusedException extends IOException {
    public RefusedException(String message) {
        super(message);
    }
}
