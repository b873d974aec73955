package dev.ocpha.checker.domain;

import dev.ocpha.contracts.model.PlannedHost;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The checker opens SSH sessions with the deployer's own keys, so a precheck may only reach the hosts of the
 * deployments it knows (those the planner asked it to check) unless the operator says the request goes beyond them.
 */
public final class KnownHosts {

    private KnownHosts() {
    }

    /** One problem per inventory host whose address is not a host of a known deployment. */
    public static List<InventoryProblem> outside(List<PlannedHost> hosts, Set<String> knownAddresses) {
        List<InventoryProblem> problems = new ArrayList<>();
        for (int i = 0; i < hosts.size(); i++) {
            String address = hosts.get(i).access().address();
            if (!knownAddresses.contains(address)) {
                problems.add(new InventoryProblem("hosts[" + i + "].access.address", "'" + address
                        + "' is not a host of a deployment this checker knows; to check it anyway, send "
                        + "\"outsideKnownDeployments\": true"));
            }
        }
        return problems;
    }
}
