package dev.ocpha.checker.checks;

/**
 * A host's clock against the checker's: {@code offsetMs} = remote time − the local midpoint of the round trip that
 * read it, so half the round trip is compensated; the error is at most {@code rttMs / 2}.
 */
public record ClockSample(double offsetMs, double rttMs) {
}
