package dev.ocpha.lab.standins;

import java.io.IOException;

/** The Java side of one stand-in tool: answers a call, returns the exit status the tool exits with. */
@FunctionalInterface
public interface StandIn {
    int run(ToolCall call) throws IOException;
}
