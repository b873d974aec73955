package dev.ocpha.lab.standins;

import java.nio.file.Path;
import java.time.Duration;

/** What the stand-ins of all hosts of a fleet share: the control server and the fleet's settings. */
public final class LabServices implements AutoCloseable {
    private final ControlServer control = new ControlServer();
    private final Path stateDir;
    private final Duration ocpStartDelay;

    public LabServices(Path stateDir, Duration ocpStartDelay) {
        this.stateDir = stateDir;
        this.ocpStartDelay = ocpStartDelay;
        SystemTools.register(control);
    }

    public ControlServer control() {
        return control;
    }

    public Path stateDir() {
        return stateDir;
    }

    public Duration ocpStartDelay() {
        return ocpStartDelay;
    }

    @Override
    public void close() {
        control.close();
    }
}
