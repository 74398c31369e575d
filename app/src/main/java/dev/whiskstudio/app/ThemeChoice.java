package dev.whiskstudio.app;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import atlantafx.base.theme.Theme;

import java.util.Locale;

/** The app's looks: AtlantaFX's Primer themes, which our own style sheet builds on through their colour variables. */
public enum ThemeChoice {
    LIGHT(new PrimerLight()),
    DARK(new PrimerDark());

    private final Theme theme;

    ThemeChoice(Theme theme) {
        this.theme = theme;
    }

    public String userAgentStylesheet() {
        return theme.getUserAgentStylesheet();
    }

    public static ThemeChoice parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown theme '" + text + "' (expected light or dark)", e);
        }
    }
}
