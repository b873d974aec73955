package dev.ocpha.cli.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ProgressBarTest {

    @Test
    void theBar_fillsInProportionToTheStepsDone() {
        assertEquals("[#####-----] 12/24 steps", ProgressBar.text(12, 24, 10));
        assertEquals("[----------] 0/24 steps", ProgressBar.text(0, 24, 10));
        assertEquals("[##########] 24/24 steps", ProgressBar.text(24, 24, 10));
    }

    @Test
    void noStepsKnownYet_showsAnEmptyBar_andMoreDoneThanPlanned_showsFull() {
        assertEquals("[----------] 0/0 steps", ProgressBar.text(0, 0, 10));
        assertEquals("[##########] 5/5 steps", ProgressBar.text(5, 3, 10));
    }

    @Test
    void durations_readAsHoursMinutesSeconds() {
        assertEquals("45s", Times.duration(45));
        assertEquals("21m10s", Times.duration(1270));
        assertEquals("1h02m05s", Times.duration(3725));
    }
}
