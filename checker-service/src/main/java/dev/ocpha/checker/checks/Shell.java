package dev.ocpha.checker.checks;

/** Quoting for values put into POSIX shell commands. */
public final class Shell {

    private Shell() {
    }

    /** {@code it's} becomes {@code 'it'\''s'}: safe as one word whatever it holds. */
    public static String quote(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }
}
