package dev.ocpha.executor.steps;

import dev.ocpha.contracts.StepKinds;
import dev.ocpha.contracts.installer.ActionType;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Teardown of a node's MetaDB: stops its OBProxy and its observer (their pid files, as CREATE_METADB and
 * START_OBPROXY started them; killing observer first is what OceanBase's deployment document asks before a
 * redeploy, oceanbase/oceanbase-doc@V4.2.5 {@code en-US/400.deploy/300.deploy-oceanbase-enterprise-edition/
 * 400.deploy-through-the-command-line/200.deploy-the-oceanbase-cluster-command-line/
 * 400.deploy-three-oceanbase-replica-clusters.md}), erases the bundle's packages ({@code rpm -e}) and empties its
 * install, data and log directories: their contents go, the directories stay, so a redeploy can reuse them. A
 * directory that is already empty or absent is left as it is; one that is a symbolic link is refused.
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
        return "Stop OBProxy and observer, erase the OceanBase packages and empty the MetaDB directories";
    }


    @Override
    public void validate(StepParameters p) throws StepFailure {
        p.name("media");
        p.path("mediaDir");
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
        MetaDbPackages packages = MetaDbPackages.of(context.medium(p.name("media")), p.path("mediaDir"));
        List<String> directories = directories(p);
        String installDir = p.path("installDir").replaceAll("/+$", "");
        List<String> nevras = packages.medium().packages().stream().map(MediaLibrary.Rpm::nevra).toList();
        String query = context.template("query-packages", ActionType.RUN, Map.of("packages", Shell.quote(packages.obproxy().nevra())));
        String files = context.template("package-files", ActionType.RUN, Map.of("package", Shell.quote(packages.obproxy().name())));
        String script = "if " + query + " >/dev/null 2>&1; then\n"
                + "  proxy=$(" + files + " | grep -m 1 -- '/bin/obproxy$'); proxy=${proxy%/bin/obproxy}\n"
                + "  for pid in \"$proxy\"/run/obproxy-*.pid; do [ -f \"$pid\" ] || continue\n"
                + Processes.stopIfAlive(context, "obproxy", "\"$pid\"")
                + "  done\n"
                + "fi\n"
                + Processes.stopIfAlive(context, "observer", Shell.quote(installDir + "/run/observer.pid"))
                + erase(context, nevras, packages)
                + "[ -n \"${proxy:-}\" ] && [ -d \"$proxy\" ] && rm -rf -- \"$proxy\" && echo \"removed $proxy\"\n"
                + emptyEach(directories);
        return context.run("removing the MetaDB", script).strip().replace('\n', ';');
    }

    /** {@code rpm -e} of the bundle's packages that are installed. */
    private static String erase(StepContext context, List<String> nevras, MetaDbPackages packages) throws StepFailure {
        List<String> names = packages.medium().packages().stream().map(MediaLibrary.Rpm::name).toList();
        String query = context.template("query-packages", ActionType.RUN, Map.of("packages", "\"$n\""));
        String remove = context.template("remove-packages", ActionType.RUN, Map.of("packages", "$installed"));
        return "installed=\"\"\n"
                + "for n in " + Shell.quoteAll(nevras) + "; do " + query + " >/dev/null 2>&1 && installed=\"$installed $n\"; done\n"
                + "if [ -n \"$installed\" ]; then " + remove + " || exit 75; echo \"erased " + String.join(" ", names)
                + "\"; else echo \"packages already erased\"; fi\n";
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
