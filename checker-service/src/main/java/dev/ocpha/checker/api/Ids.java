package dev.ocpha.checker.api;

import dev.ocpha.checker.domain.UnknownRunException;
import java.util.UUID;

/** Path ids are UUIDs; anything else names nothing that exists. */
final class Ids {

    private Ids() {
    }

    static UUID parse(String id, String what) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new UnknownRunException("No " + what + " " + id + " (ids are UUIDs).");
        }
    }
}
