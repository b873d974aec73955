package dev.ocpha.cli.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ScreenTest {

    static final String BAR_0 = "[------------------------------] 0/2 steps";
    static final String BAR_1 = "[###############---------------] 1/2 steps";

    @Test
    void onATerminal_theBarIsRedrawnUnderEachEvent() {
        Screen screen = new Screen(true);

        assertEquals("\r\033[2Ka\n" + BAR_0, screen.event("a", 0, 2));
        assertEquals("\r\033[2Kb\n" + BAR_1, screen.event("b", 1, 2));
        assertEquals("\r\033[2K", screen.clear());
        assertEquals(BAR_1, screen.redraw());
        assertEquals("\n", screen.finish());
    }

    @Test
    void elsewhere_theBarIsAPlainLine_onlyWhenTheCountChanges() {
        Screen screen = new Screen(false);

        assertEquals("a\n" + BAR_0 + "\n", screen.event("a", 0, 2));
        assertEquals("b\n", screen.event("b", 0, 2));
        assertEquals("c\n" + BAR_1 + "\n", screen.event("c", 1, 2));
        assertEquals("", screen.clear() + screen.redraw() + screen.finish());
    }
}
