package dev.ocpha.checker.checks;

import dev.ocpha.contracts.HostRoles;
import dev.ocpha.contracts.model.CheckResult;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Multi-cluster: an OCP node reaches the MetaDB of every other OCP cluster, since a standby binds to the primary's
 * MetaDB and either side may become primary
 * (oceanbase/ocp-doc@V4.2.2:zh-CN/300.deployment-guide/100.deploying-enterprise-ocp/100.deployment-overview/200.multi-node-deplpyment-overview.md).
 * Tested from the host itself: name resolution ({@code getent ahosts}: DNS or /etc/hosts), then a TCP connect with
 * bash's /dev/tcp, 3 s at most. The environment is checked before any MetaDB is installed, so a refused connection
 * passes: the other site's host answered, and its MetaDB will listen there; a time-out or an unreachable network fails.
 */
@ApplicationScoped
public class MetaDbReachabilityCheck extends CatalogCheck {

    static final String NAME = "metadb-reachable";

    public MetaDbReachabilityCheck() {
        super(NAME, Scope.EVERY_HOST, Weight.CRITICAL);
    }

    @Override
    public boolean appliesTo(CheckContext context) {
        return context.hasRole(HostRoles.OCP_SERVER) && !context.remoteMetaDbs().isEmpty();
    }

    @Override
    public String probe(CheckContext context) {
        StringBuilder probe = new StringBuilder();
        for (CheckContext.MetaDbEndpoint endpoint : context.remoteMetaDbs()) {
            String h = Shell.quote(endpoint.host());
            String label = Shell.quote(endpoint.cluster());
            probe.append("ip=$(getent ahosts ").append(h).append(" | awk 'NR==1{print $1}'); ")
                    .append("if [ -z \"$ip\" ]; then printf '%s\\tunresolved\\n' ").append(label).append("; ")
                    .append("elif err=$(timeout 3 bash -c \"exec 3<>/dev/tcp/$ip/").append(endpoint.port())
                    .append("\" 2>&1); then printf '%s\\topen\\t%s\\n' ").append(label).append(" \"$ip\"; ")
                    .append("else case \"$err\" in *refused*) printf '%s\\trefused\\t%s\\n' ").append(label)
                    .append(" \"$ip\";; *) printf '%s\\tclosed\\t%s\\n' ").append(label).append(" \"$ip\";; esac; fi; ");
        }
        return probe.toString();
    }

    @Override
    public List<CheckResult> evaluate(CheckContext context, String output) {
        Map<String, String[]> rows = new HashMap<>();
        output.lines().map(l -> l.split("\t")).filter(f -> f.length >= 2).forEach(f -> rows.put(f[0], f));
        List<CheckResult> results = new ArrayList<>();
        for (CheckContext.MetaDbEndpoint endpoint : context.remoteMetaDbs()) {
            String check = NAME + ":" + endpoint.cluster();
            String expected = endpoint + " resolvable and accepting TCP connections";
            String[] row = rows.get(endpoint.cluster());
            String state = row == null ? "no output" : row[1];
            switch (state) {
                case "open" -> results.add(Verdicts.pass(context.name(), check, "connected to " + row[2] + ":"
                        + endpoint.port(), expected, "reaches the MetaDB of cluster " + endpoint.cluster()));
                case "refused" -> results.add(Verdicts.pass(context.name(), check, row[2] + " answered (port "
                        + endpoint.port() + " not listening yet)", expected, "reaches the MetaDB host of cluster "
                        + endpoint.cluster() + "; its MetaDB is installed later"));
                case "unresolved" -> results.add(Verdicts.fail(context.name(), check, endpoint.host() + " unresolved",
                        expected, "cannot resolve " + endpoint.host() + " (DNS or /etc/hosts) for the MetaDB of cluster "
                                + endpoint.cluster(), null, false));
                case "closed" -> results.add(Verdicts.fail(context.name(), check, "no connection to " + row[2] + ":"
                        + endpoint.port() + " within 3 s", expected, "cannot reach the MetaDB of cluster "
                        + endpoint.cluster() + " at " + endpoint + ": check routes and firewalls between the sites",
                        null, false));
                default -> results.add(Verdicts.fail(context.name(), check, state, expected,
                        "the reachability probe gave no answer"));
            }
        }
        return results;
    }
}
