package dev.ocpha.cli.render;

/** {@code [##########----------] 12/24 steps}: the text of the progress bar, nothing printed. */
public final class ProgressBar {

    private ProgressBar() {
    }

    public static String text(int done, int total, int width) {
        int shownTotal = Math.max(total, done);
        int filled = shownTotal == 0 ? 0 : (int) ((long) width * done / shownTotal);
        return "[" + "#".repeat(filled) + "-".repeat(width - filled) + "] " + done + "/" + shownTotal + " steps";
    }
}
