package dev.ocpha.executor.steps;

import static dev.ocpha.executor.steps.Shell.quote;

import dev.ocpha.contracts.StepKinds;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * OAT "add server"
 * (oceanbase/ocp-doc@V4.2.2:zh-CN/300.deployment-guide/100.deploying-enterprise-ocp/200.prepare-the-deployment-environment/200.standardized-host.md):
 * the {@code admin} group and user with the planned uid/gid, and the planned directories owned by admin. Without
 * {@code adminUid}/{@code adminGid} only the directories are made.
 */
@ApplicationScoped
public class PrepareHostStep implements Step {

    @Override
    public String kind() {
        return StepKinds.PREPARE_HOST;
    }

    @Override
    public String description() {
        return "Add the host: the admin user and group (uid/gid 500) and the OCP directories, owned by admin";
    }


    @Override
    public void validate(StepParameters parameters) throws StepFailure {
        parameters.paths("directories");
        if (parameters.has("adminUid") != parameters.has("adminGid")) {
            throw parameters.invalid(parameters.has("adminUid") ? "adminGid" : "adminUid",
                    "is missing: adminUid and adminGid come together");
        }
        if (parameters.has("adminUid")) {
            parameters.integer("adminUid", 1, 65534);
            parameters.integer("adminGid", 1, 65534);
        }
    }

    @Override
    public String run(StepContext context) throws StepFailure {
        StepParameters parameters = context.parameters();
        List<String> directories = parameters.paths("directories");
        boolean user = parameters.has("adminUid");
        StringBuilder script = new StringBuilder("set -e\ncd\n"); // relative directories are under the user's home
        if (user) {
            int uid = parameters.integer("adminUid", 1, 65534);
            int gid = parameters.integer("adminGid", 1, 65534);
            script.append("""
                    getent group admin >/dev/null 2>&1 || groupadd -g %2$d admin
                    if id -u admin >/dev/null 2>&1; then
                      [ "$(id -u admin)" = %1$d ] || { echo "user admin exists with uid $(id -u admin), the plan wants %1$d" >&2; exit 65; }
                    else
                      useradd -u %1$d -g %2$d -m -s /bin/bash admin
                    fi
                    """.formatted(uid, gid));
        }
        for (String directory : directories) {
            String d = quote(directory);
            script.append("test -d ").append(d).append(" || mkdir -p ").append(d).append('\n');
            if (user) {
                script.append("[ \"$(stat -c %U ").append(d).append(")\" = admin ] || chown admin:admin ").append(d).append('\n');
            }
        }
        script.append("for d in ").append(Shell.quoteAll(directories)).append("; do test -d \"$d\"; done\n");
        context.run("adding the host", script.toString());
        return (user ? "user admin and " : "") + directories.size() + " directories in place";
    }
}
