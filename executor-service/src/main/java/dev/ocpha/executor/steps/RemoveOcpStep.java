package dev.ocpha.executor.steps;

import dev.ocpha.contracts.StepKinds;
import jakarta.enterprise.context.ApplicationScoped;

/** Teardown: removes the OCP container of a node when it exists (OCP's logs, kept inside it, go with it). */
@ApplicationScoped
public class RemoveOcpStep implements Step {

    @Override
    public String kind() {
        return StepKinds.REMOVE_OCP;
    }

    @Override
    public String description() {
        return "Remove the OCP container";
    }


    @Override
    public void validate(StepParameters p) throws StepFailure {
        p.name("container");
    }

    @Override
    public String run(StepContext context) throws StepFailure {
        String container = context.parameters().name("container");
        return context.run("removing container " + container, Containers.removeIfPresent(context, container)).strip();
    }
}
