package dev.ocpha.executor.steps;

import dev.ocpha.contracts.StepKinds;
import dev.ocpha.contracts.events.StepRequested;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Creates the OCP-Server directories (ocp-facts §2: program, main log, task log, file cache) under the install
 * user's home, each only when missing, and verifies they exist.
 */
@ApplicationScoped
public class PrepareOcpDirectoriesStep implements Step {

    static final String DIRECTORIES = "ocp-server logs/ocp logs/task data/files";

    @Override
    public String kind() {
        return StepKinds.PREPARE_OCP_DIRECTORIES;
    }

    @Override
    public String command(StepRequested request) {
        return "set -e; for d in " + DIRECTORIES + "; do test -d \"$HOME/$d\" || mkdir -p \"$HOME/$d\"; done; "
                + "for d in " + DIRECTORIES + "; do test -d \"$HOME/$d\"; done";
    }
}
