package dev.whiskstudio.app.editor.find;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** What to look for: the text typed and the three options. */
public record SearchQuery(String text, boolean matchCase, boolean regex, boolean wholeWord) {
    public SearchQuery {
        text = text == null ? "" : text;
    }

    public static SearchQuery plain(String text) {
        return new SearchQuery(text, false, false, false);
    }

    public boolean isEmpty() {
        return text.isEmpty();
    }

    /** The pattern that finds it; a bad regular expression throws {@link PatternSyntaxException}. */
    public Pattern compile() {
        String body = regex ? text : Pattern.quote(text);
        if (wholeWord) {
            // a word in JavaScript also holds $ and _
            body = "(?<![\\w$])(?:" + body + ")(?![\\w$])";
        }
        int flags = Pattern.MULTILINE | (matchCase ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        return Pattern.compile(body, flags);
    }
}
