package dev.whiskstudio.app.debug;

import dev.whiskstudio.app.debug.cdp.RemoteObject;

import java.util.List;

/**
 * A console call's text as Node.js prints it: a first string argument's format specifiers ({@code %s %d %i %f %j %o
 * %O %c %%}) take the next arguments, the rest follow separated by spaces; strings are written raw.
 */
final class ConsoleText {
    private ConsoleText() {
    }

    static String of(List<RemoteObject> args) {
        StringBuilder out = new StringBuilder();
        int next = 0;
        if (!args.isEmpty() && "string".equals(args.get(0).type())) {
            String format = ValueText.text(args.get(0), false);
            next = 1;
            for (int i = 0; i < format.length(); i++) {
                char c = format.charAt(i);
                if (c != '%' || i + 1 >= format.length()) {
                    out.append(c);
                    continue;
                }
                char spec = format.charAt(i + 1);
                if (spec == '%') {
                    out.append('%');
                    i++;
                } else if ("sdifjoOc".indexOf(spec) >= 0 && next < args.size()) {
                    RemoteObject arg = args.get(next++);
                    if (spec != 'c') { // %c is CSS: consumed, not printed
                        out.append(specified(spec, arg));
                    }
                    i++;
                } else {
                    out.append(c);
                }
            }
        }
        for (int i = next; i < args.size(); i++) {
            if (out.length() > 0 || i > 0) {
                out.append(' ');
            }
            out.append(ValueText.text(args.get(i), false));
        }
        return out.toString();
    }

    private static String specified(char spec, RemoteObject arg) {
        switch (spec) {
            case 'd':
            case 'i': {
                if (!"number".equals(arg.type()) && !"bigint".equals(arg.type())) {
                    return "NaN";
                }
                String text = ValueText.text(arg, false);
                if (spec == 'i' && arg.value() != null && arg.value().isNumber()) {
                    return Long.toString((long) arg.value().asDouble());
                }
                return text;
            }
            case 'f':
                return "number".equals(arg.type()) ? ValueText.text(arg, false) : "NaN";
            case 'j':
                return "string".equals(arg.type()) ? ValueText.text(arg, true) : ValueText.text(arg, false);
            default:
                return ValueText.text(arg, false);
        }
    }
}
