package dev.ocpha.checker.checks;

import dev.ocpha.contracts.model.CheckResult;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The {@code admin} user with uid and gid 500
 * (oceanbase/ocp-doc@V4.2.2:zh-CN/850.host-features/700.host-standardized-inspection-scope.md). Not auto-fixed: the
 * PREPARE_HOST step creates it, and changing the uid of an existing user would orphan its files.
 */
@ApplicationScoped
public class AdminUserCheck extends CatalogCheck {

    static final String NAME = "admin-user";
    static final String EXPECTED = "user admin, uid 500, gid 500";

    public AdminUserCheck() {
        super(NAME, Scope.EVERY_HOST, Weight.CRITICAL);
    }

    @Override
    public String probe(CheckContext context) {
        return "getent passwd admin 2>/dev/null || grep '^admin:' /etc/passwd";
    }

    @Override
    public List<CheckResult> evaluate(CheckContext context, String output) {
        String line = output.lines().filter(l -> l.startsWith("admin:")).findFirst().orElse(null);
        if (line == null) {
            return List.of(Verdicts.fail(context.name(), NAME, "no admin user", EXPECTED, "the admin user does not exist",
                    "groupadd -g 500 admin && useradd -u 500 -g 500 -m -d /home/admin admin", false));
        }
        String[] f = line.split(":");
        String uid = f.length > 2 ? f[2] : "?";
        String gid = f.length > 3 ? f[3] : "?";
        String observed = "uid " + uid + ", gid " + gid;
        if (uid.equals("500") && gid.equals("500")) {
            return List.of(Verdicts.pass(context.name(), NAME, observed, EXPECTED, "admin user present"));
        }
        return List.of(Verdicts.fail(context.name(), NAME, observed, EXPECTED,
                "the admin user has uid " + uid + " and gid " + gid + "; OCP expects 500/500", null, false));
    }
}
