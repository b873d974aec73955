package dev.ocpha.checker.checks;

import dev.ocpha.contracts.model.CheckResult;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The MetaDB install, data and log directories are empty and owned by admin (ocp-facts §4.3), one result per
 * directory. One that does not exist yet is a WARN: PREPARE_HOST creates it.
 */
@ApplicationScoped
public class DirectoriesCheck extends CatalogCheck {

    static final String NAME = "directory";

    public DirectoriesCheck() {
        super(NAME, Scope.OBSERVER_HOSTS, Weight.CRITICAL);
    }

    @Override
    public String probe(CheckContext context) {
        return "for d in " + SizingProfile.METADB_DIRECTORIES.stream().map(Shell::quote).collect(Collectors.joining(" "))
                + "; do if [ -d \"$d\" ]; then printf '%s\\t%s\\t%s\\n' \"$d\" \"$(stat -c %U \"$d\")\" "
                + "\"$(ls -A \"$d\" | wc -l)\"; else printf '%s\\tmissing\\n' \"$d\"; fi; done";
    }

    @Override
    public List<CheckResult> evaluate(CheckContext context, String output) {
        Map<String, String[]> rows = new HashMap<>();
        output.lines().map(l -> l.split("\t")).filter(f -> f.length >= 2).forEach(f -> rows.put(f[0], f));
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
            String owner = row[1];
            String entries = row.length > 2 ? row[2].trim() : "?";
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
