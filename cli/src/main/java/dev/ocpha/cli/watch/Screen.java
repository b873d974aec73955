package dev.ocpha.cli.watch;

import dev.ocpha.cli.render.ProgressBar;

/**
 * What {@code ocpha watch} writes for each event. On a terminal the progress bar is the last line, redrawn in
 * place ({@code \r}, erase line) under each new event line; elsewhere (a file, a pipe, CI) every line stays, and
 * the bar is a plain line whenever the count of done steps changes.
 */
public final class Screen {

    static final String CLEAR_LINE = "\r\033[2K";
    static final int BAR_WIDTH = 30;

    private final boolean terminal;
    private int shownDone = -1;
    private int shownTotal = -1;
    private boolean barShown;

    public Screen(boolean terminal) {
        this.terminal = terminal;
    }

    /** The text to write for one event line, with the bar as it now stands. */
    public String event(String line, int done, int total) {
        String bar = ProgressBar.text(done, total, BAR_WIDTH);
        boolean changed = done != shownDone || total != shownTotal;
        shownDone = done;
        shownTotal = total;
        if (terminal) {
            barShown = true;
            return CLEAR_LINE + line + "\n" + bar;
        }
        return line + "\n" + (changed ? bar + "\n" : "");
    }

    /** Before writing something else (a notice on stderr, the outcome): takes the live bar off the line. */
    public String clear() {
        return terminal && barShown ? CLEAR_LINE : "";
    }

    /** After such a notice: the live bar again. */
    public String redraw() {
        return terminal && barShown ? ProgressBar.text(shownDone, shownTotal, BAR_WIDTH) : "";
    }

    /** At the end: the bar stays as the last progress line. */
    public String finish() {
        return terminal && barShown ? "\n" : "";
    }
}
