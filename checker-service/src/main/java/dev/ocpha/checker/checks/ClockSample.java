package dev.ocpha.checker.checks;

/**
 * A host's clock against the checker's: {@code offsetMs} = remote reading − its local arrival time (the least
 * delayed of several readings), {@code rttMs} the session's round trip, half of which bounds the error.
 */
public record ClockSample(double offsetMs, double rttMs) {
}
