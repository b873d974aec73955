package dev.ocpha.executor.steps;

import dev.ocpha.contracts.StepKinds;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Teardown: removes the MetaDB container of a node and empties its install, data and log directories. */
@ApplicationScoped
public class RemoveMetaDbStep implements Step {

    private static final List<String> DIRECTORIES = List.of("installDir", "dataDir", "logDir");

    @Override
    public String kind() {
        return StepKinds.REMOVE_METADB;
    }

    @Override
    public String description() {
        return "Remove the MetaDB container and empty its directories";
    }

    @Override
    public Duration defaultTimeout() {
        return Duration.ofMinutes(10);
    }

    @Override
    public void validate(StepParameters p) throws StepFailure {
        p.name("container");
        directories(p);
    }

    private static List<String> directories(StepParameters p) throws StepFailure {
        List<String> directories = new ArrayList<>();
        for (String name : DIRECTORIES) {
            if (p.has(name)) {
                directories.add(p.path(name));
            }
        }
        return directories;
    }

    @Override
    public String run(StepContext context) throws StepFailure {
        StepParameters p = context.parameters();
        String container = p.name("container");
        StringBuilder script = new StringBuilder(Containers.removeIfPresent(container));
        List<String> directories = directories(p);
        if (!directories.isEmpty()) {
            script.append("for d in ").append(Shell.quoteAll(directories)).append("; do\n")
                    .append("  if [ -d \"$d\" ]; then find \"$d\" -mindepth 1 -delete || exit 75; echo \"emptied $d\"; fi\n")
                    .append("done\n");
        }
        return context.run("removing MetaDB container " + container, script.toString()).strip().replace('\n', ';');
    }
}
