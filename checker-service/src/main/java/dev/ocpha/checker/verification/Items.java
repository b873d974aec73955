package dev.ocpha.checker.verification;

import dev.ocpha.contracts.model.VerificationItem;

/** Builds {@link VerificationItem}s. */
final class Items {

    static final String PASS = "PASS";
    static final String FAIL = "FAIL";

    private Items() {
    }

    static VerificationItem pass(String target, String check, String observed, String expected, String message) {
        return new VerificationItem(target, check, PASS, observed, expected, message);
    }

    static VerificationItem fail(String target, String check, String observed, String expected, String message) {
        return new VerificationItem(target, check, FAIL, observed, expected, message);
    }
}
