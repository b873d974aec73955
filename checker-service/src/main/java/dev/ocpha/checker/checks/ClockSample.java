package dev.ocpha.checker.checks;

/**
 * A host's clock against the checker's. {@code offsetMs} = remote reading − its local arrival time (the least
 * delayed of several readings, a lower bound of the true offset); {@code errorMs} how much larger the true offset can
 * be (the readings cannot have been taken before the command was sent); {@code rttMs} the command's round trip.
 */
public record ClockSample(double offsetMs, double errorMs, double rttMs) {
}
