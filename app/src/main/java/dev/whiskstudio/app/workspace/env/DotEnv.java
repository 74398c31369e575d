package dev.whiskstudio.app.workspace.env;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The variables of a {@code .env} file, in file order: {@code KEY=VALUE} lines, optionally prefixed with
 * {@code export}; blank lines and {@code #} comments; values in single quotes (taken literally), double quotes
 * (with {@code \n \r \t \" \\ \$} escapes) or backticks, any of them spanning lines; unquoted values trimmed, a
 * {@code #} after whitespace starting a comment, and {@code =} inside a value kept. A later definition of a name
 * wins, as with the dotenv library aio uses.
 */
public final class DotEnv {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");
    private static final DotEnv EMPTY = new DotEnv("(none)", Map.of());

    private final String source;
    private final Map<String, String> values;

    private DotEnv(String source, Map<String, String> values) {
        this.source = source;
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public static DotEnv empty() {
        return EMPTY;
    }

    /** Reads a file; a malformed line gives a {@link DotEnvException} naming the file and the line. */
    public static DotEnv read(Path file) throws IOException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            throw new DotEnvException(file.toString(), 1, "the file is not UTF-8 text");
        }
        return parse(text, file.toString());
    }

    /**
     * Parses text in the {@code .env} format.
     *
     * @param source how messages name the text, usually its file
     */
    public static DotEnv parse(String text, String source) throws DotEnvException {
        return new DotEnv(source, new Parser(text, source).parse());
    }

    /** The file (or other source) these variables came from. */
    public String source() {
        return source;
    }

    public Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    /** The value of the last definition whose name equals {@code name} ignoring case ({@code AIO_runtime_auth}). */
    public Optional<String> getIgnoreCase(String name) {
        String found = null;
        for (Map.Entry<String, String> e : values.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                found = e.getValue();
            }
        }
        return Optional.ofNullable(found);
    }

    /** Every variable, in the order of the file. */
    public Map<String, String> asMap() {
        return values;
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DotEnv other && source.equals(other.source) && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return source.hashCode() * 31 + values.hashCode();
    }

    /** Values stay out: a {@code .env} holds keys. */
    @Override
    public String toString() {
        return "DotEnv[" + source + ", " + values.size() + " variables]";
    }

    /** A cursor over the text; {@code line} is the 1-based line the cursor is on. */
    private static final class Parser {
        private final String text;
        private final String source;
        private final Map<String, String> out = new LinkedHashMap<>();
        private int pos;
        private int line = 1;

        Parser(String text, String source) {
            this.text = text;
            this.source = source;
            this.pos = text.startsWith("\uFEFF") ? 1 : 0;
        }

        Map<String, String> parse() throws DotEnvException {
            while (pos < text.length()) {
                int start = line;
                skipBlanks();
                if (!atLineEnd() && text.charAt(pos) != '#') {
                    definition(start);
                }
                skipToLineEnd();
                nextLine();
            }
            return out;
        }

        private void definition(int start) throws DotEnvException {
            if (text.startsWith("export", pos) && pos + 6 < text.length() && isBlank(text.charAt(pos + 6))) {
                pos += 6;
                skipBlanks();
            }
            int keyStart = pos;
            while (!atLineEnd() && text.charAt(pos) != '=') {
                pos++;
            }
            if (atLineEnd()) {
                throw new DotEnvException(source, start, "expected KEY=VALUE, but the line has no '='");
            }
            String key = text.substring(keyStart, pos).strip();
            if (key.isEmpty()) {
                throw new DotEnvException(source, start, "a variable name is missing before '='");
            }
            if (!NAME.matcher(key).matches()) {
                throw new DotEnvException(source, start, "'" + firstWord(key)
                        + "' is not a variable name (letters, digits, '_', '.' and '-', not starting with a digit)");
            }
            pos++;
            skipBlanks();
            String value = !atLineEnd() && isQuote(text.charAt(pos)) ? quoted(start) : unquoted();
            out.put(key, value);
        }

        private String unquoted() {
            int start = pos;
            int end = -1;
            while (!atLineEnd()) {
                if (text.charAt(pos) == '#' && (pos == start || isBlank(text.charAt(pos - 1)))) {
                    end = pos;
                    break;
                }
                pos++;
            }
            return text.substring(start, end < 0 ? pos : end).strip();
        }

        private String quoted(int start) throws DotEnvException {
            char quote = text.charAt(pos++);
            StringBuilder value = new StringBuilder();
            while (true) {
                if (pos >= text.length()) {
                    throw new DotEnvException(source, start, "the value opened with " + quote + " is never closed");
                }
                char c = text.charAt(pos);
                if (c == quote) {
                    pos++;
                    break;
                }
                if (quote == '"' && c == '\\' && pos + 1 < text.length()) {
                    char next = text.charAt(pos + 1);
                    switch (next) {
                        case 'n' -> value.append('\n');
                        case 'r' -> value.append('\r');
                        case 't' -> value.append('\t');
                        case '"', '\\', '$' -> value.append(next);
                        default -> value.append('\\').append(next);
                    }
                    pos += 2;
                    continue;
                }
                if (c == '\n') {
                    line++;
                }
                value.append(c);
                pos++;
            }
            skipBlanks();
            if (!atLineEnd() && text.charAt(pos) != '#') {
                throw new DotEnvException(source, line, "unexpected text after the closing " + quote);
            }
            return value.toString();
        }

        private boolean atLineEnd() {
            return pos >= text.length() || text.charAt(pos) == '\n' || text.charAt(pos) == '\r';
        }

        private void skipBlanks() {
            while (pos < text.length() && isBlank(text.charAt(pos))) {
                pos++;
            }
        }

        private void skipToLineEnd() {
            while (!atLineEnd()) {
                pos++;
            }
        }

        private void nextLine() {
            if (pos < text.length() && text.charAt(pos) == '\r') {
                pos++;
            }
            if (pos < text.length() && text.charAt(pos) == '\n') {
                pos++;
            }
            line++;
        }

        private static boolean isBlank(char c) {
            return c == ' ' || c == '\t';
        }

        private static boolean isQuote(char c) {
            return c == '"' || c == '\'' || c == '`';
        }

        /** Only the first word of a bad name is repeated: the rest of such a line may well be a value. */
        private static String firstWord(String key) {
            String word = key.split("\\s", 2)[0];
            String shown = word.length() > 40 ? word.substring(0, 40) + "…" : word;
            return word.length() < key.length() ? shown + " …" : shown;
        }
    }
}
