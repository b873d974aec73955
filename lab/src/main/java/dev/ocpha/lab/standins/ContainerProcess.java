package dev.ocpha.lab.standins;

import java.util.List;

/** What runs "inside" a container of the lab's docker: real listeners on the host's address, stopped with the host. */
public interface ContainerProcess {
    /** Binds the listeners (after a start delay where the image has one); fails when a port is taken. */
    void start();

    void stop();

    /** Host ports the container will listen on, checked free before {@code docker run} starts it. */
    List<Integer> ports();

    /** The line {@code pgrep -a} shows for the main process, or null while it is not running. */
    String processLine();

    /** Container-only tools ({@code ocp-bootstrap}, …): absolute path inside the image → stand-in tool name. */
    default java.util.Map<String, String> tools() {
        return java.util.Map.of();
    }
}
