package dev.ocpha.contracts.events;

import dev.ocpha.contracts.Event;

/** Published by the executors on {@link dev.ocpha.contracts.Topics#STEP_EVENTS}. */
public interface StepEvent extends Event {
}
