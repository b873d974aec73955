package dev.ocpha.checker.checks;

import dev.ocpha.contracts.model.CheckResult;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The MetaDB install, data and log directories are empty and owned by admin
 * (oceanbase/ocp-doc@V4.2.2:zh-CN/300.deployment-guide/100.deploying-enterprise-ocp/300.deployment/200.deploying-ocp/200.deploying-a-high-availability-of-ocp/200.install-metadb-high-availability.md),
 * one result per directory. One that does not exist yet is a WARN: PREPARE_HOST creates it.
 */
@ApplicationScoped
public class DirectoriesCheck extends CatalogCheck {

    static final String NAME = "directory";

    public DirectoriesCheck() {
        super(NAME, Scope.OBSERVER_HOSTS, Weight.CRITICAL);
    }

    /** Per directory {@code dir<TAB>entries} (counted with a glob) or {@code dir<TAB>missing}, then one {@code ls -ld}. */
    @Override
    public String probe(CheckContext context) {
        String dirs = SizingProfile.METADB_DIRECTORIES.stream().map(Shell::quote).collect(Collectors.joining(" "));
        return "for d in " + dirs + "; do if [ -d \"$d\" ]; then n=0; for f in \"$d\"/* \"$d\"/.[!.]* \"$d\"/..?*; do "
                + "[ -e \"$f\" ] && n=$((n+1)); done; printf '%s\\t%s\\n' \"$d\" \"$n\"; "
                + "else printf '%s\\tmissing\\n' \"$d\"; fi; done; echo @owners; ls -ld " + dirs + " 2>/dev/null";
    }

    @Override
    public List<CheckResult> evaluate(CheckContext context, String output) {
        Map<String, String[]> rows = new HashMap<>();
        Map<String, String> owners = new HashMap<>();
        boolean inOwners = false;
        for (String line : output.split("\n")) {
            if (line.equals("@owners")) {
                inOwners = true;
            } else if (inOwners) {
                String[] f = line.trim().split("\\s+");
                if (f.length >= 9) { // drwxr-xr-x 2 admin admin 4096 Nov 24 10:00 /data/1
                    owners.put(f[f.length - 1], f[2]);
                }
            } else {
                String[] f = line.split("\t");
                if (f.length >= 2) {
                    rows.put(f[0], f);
                }
            }
        }
        List<CheckResult> results = new ArrayList<>();
        for (String dir : SizingProfile.METADB_DIRECTORIES) {
            String check = NAME + ":" + dir;
            String expected = "empty, owned by admin";
            String fix = "mkdir -p " + dir + " && chown admin:admin " + dir + " && chmod 755 " + dir;
            String[] row = rows.get(dir);
            if (row == null || row[1].equals("missing")) {
                results.add(Verdicts.warn(context.name(), check, row == null ? "no output" : "missing", expected,
                        dir + " does not exist yet; PREPARE_HOST creates it", fix));
                continue;
            }
            String owner = owners.getOrDefault(dir, "unknown");
            String entries = row[1].trim();
            String observed = "owner " + owner + ", " + entries + " entries";
            if (!owner.equals("admin")) {
                results.add(Verdicts.fail(context.name(), check, observed, expected,
                        dir + " is owned by " + owner + ", not admin", "chown admin:admin " + dir, false));
            } else if (!entries.equals("0")) {
                results.add(Verdicts.fail(context.name(), check, observed, expected,
                        dir + " is not empty; OAT needs an empty directory (move its content away)", null, false));
            } else {
                results.add(Verdicts.pass(context.name(), check, observed, expected, dir + " is ready"));
            }
        }
        return results;
    }
}
