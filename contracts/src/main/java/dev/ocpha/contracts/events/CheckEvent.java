package dev.ocpha.contracts.events;

import dev.ocpha.contracts.Event;

/** Published by the checker on {@link dev.ocpha.contracts.Topics#CHECKS}. */
public interface CheckEvent extends Event {
}
