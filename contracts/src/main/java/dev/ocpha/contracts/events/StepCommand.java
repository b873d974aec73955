package dev.ocpha.contracts.events;

import dev.ocpha.contracts.Event;

/** Published by the planner on {@link dev.ocpha.contracts.Topics#STEP_COMMANDS}. */
public interface StepCommand extends Event {
}
