package dev.ocpha.executor.steps;

import java.util.Collection;
import java.util.stream.Collectors;

/** Builds POSIX shell text from values that must stay single words whatever they contain. */
public final class Shell {

    private Shell() {
    }

    public static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    public static String quoteAll(Collection<String> words) {
        return words.stream().map(Shell::quote).collect(Collectors.joining(" "));
    }

    /** Lines for a command's standard input: one value per line (a secret must not contain a line break). */
    public static String lines(String... values) {
        StringBuilder text = new StringBuilder();
        for (String value : values) {
            if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
                throw new IllegalArgumentException("a value sent on standard input spans lines");
            }
            text.append(value).append('\n');
        }
        return text.toString();
    }
}
