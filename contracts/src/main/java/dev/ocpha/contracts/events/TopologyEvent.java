package dev.ocpha.contracts.events;

import dev.ocpha.contracts.Event;

/** Published by the registry on {@link dev.ocpha.contracts.Topics#TOPOLOGY}. */
public interface TopologyEvent extends Event {
}
