package dev.ocpha.executor.steps;

import dev.ocpha.contracts.StepKinds;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Teardown: removes the MetaDB container of a node and empties its install, data and log directories: their contents
 * go, the directories stay (OAT wants them empty and owned by admin, ocp-facts §6.2, so a redeploy can reuse them).
 * A directory that is already empty or absent is left as it is; one that is a symbolic link is refused.
 */
@ApplicationScoped
public class RemoveMetaDbStep implements Step {

    /** Trees of the operating system: no MetaDB directory is, or lies in, one of them. */
    private static final Set<String> SYSTEM_TREES = Set.of("bin", "boot", "dev", "etc", "lib", "lib64", "proc", "run",
            "sbin", "sys", "usr", "var");

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

    /** The MetaDB directories CREATE_METADB was given, each one that emptying cannot reach beyond. */
    static List<String> directories(StepParameters p) throws StepFailure {
        List<String> directories = new ArrayList<>();
        for (String name : StepKinds.METADB_DIRECTORIES) {
            String path = p.path(name);
            String problem = notEmptiable(path);
            if (problem != null) {
                throw p.invalid(name, "is '" + path + "', " + problem);
            }
            directories.add(path.replaceAll("/+$", ""));
        }
        return directories;
    }

    /** Why {@code path} is no directory a teardown may empty, or null when it may. */
    static String notEmptiable(String path) {
        if (!path.startsWith("/")) {
            return "not an absolute path";
        }
        List<String> parts = List.of(path.substring(1).split("/+"));
        if (parts.contains(".")) {
            return "which has a '.' component: give the directory as CREATE_METADB was given it";
        }
        if (parts.size() < 2 || parts.get(0).isEmpty()) {
            return "a top-level directory, not a MetaDB directory (such as /data/1)";
        }
        if (SYSTEM_TREES.contains(parts.get(0))) {
            return "inside /" + parts.get(0) + ", which belongs to the operating system";
        }
        if (parts.size() == 2 && (parts.get(0).equals("home") || parts.get(0).equals("root"))) {
            return "a home directory, not a MetaDB directory";
        }
        return null;
    }

    @Override
    public String run(StepContext context) throws StepFailure {
        StepParameters p = context.parameters();
        String container = p.name("container");
        String script = Containers.removeIfPresent(context, container) + emptyEach(directories(p));
        return context.run("removing MetaDB container " + container, script).strip().replace('\n', ';');
    }

    /** Shell text emptying each directory without following a link out of it; prints what it found or did. */
    private static String emptyEach(List<String> directories) {
        return "for d in " + Shell.quoteAll(directories) + "; do\n"
                + "  if [ -L \"$d\" ]; then echo \"$d is a symbolic link; it is not emptied\" >&2; exit 65; fi\n"
                + "  if [ ! -e \"$d\" ]; then echo \"$d absent\"; continue; fi\n"
                + "  [ -d \"$d\" ] || { echo \"$d is not a directory\" >&2; exit 65; }\n"
                + "  n=$(find \"$d\" -mindepth 1 -maxdepth 1 | wc -l)\n"
                + "  if [ \"$n\" -eq 0 ]; then echo \"$d already empty\"; continue; fi\n"
                + "  find \"$d\" -mindepth 1 -delete || exit 75\n"
                + "  echo \"emptied $d ($n entries)\"\n"
                + "done\n";
    }
}
