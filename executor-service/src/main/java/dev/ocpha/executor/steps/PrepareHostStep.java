package dev.ocpha.executor.steps;

import dev.ocpha.contracts.StepKinds;
import dev.ocpha.contracts.events.StepRequested;
import jakarta.enterprise.context.ApplicationScoped;

/** Creates the planned directories (ocp-facts §2: program, main log, task log, file cache), each only when missing. */
@ApplicationScoped
public class PrepareHostStep implements Step {

    @Override
    public String kind() {
        return StepKinds.PREPARE_HOST;
    }

    @Override
    public String command(StepRequested request) {
        String directories = request.parameters().getOrDefault("directories", "").replace(',', ' ');
        // a relative directory is relative to the install user's home
        return "set -e; cd; for d in " + directories + "; do test -d \"$d\" || mkdir -p \"$d\"; done; "
                + "for d in " + directories + "; do test -d \"$d\"; done";
    }
}
