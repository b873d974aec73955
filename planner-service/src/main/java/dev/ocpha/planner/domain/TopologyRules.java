package dev.ocpha.planner.domain;

import dev.ocpha.platform.api.Problem.FieldError;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Rules across fields that bean validation cannot express; every broken rule is reported with its field. */
public final class TopologyRules {

    private TopologyRules() {
    }

    public static List<FieldError> check(Topology topology) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, Integer> names = new HashMap<>();
        Map<String, Integer> endpoints = new HashMap<>();
        for (int i = 0; i < topology.hosts().size(); i++) {
            Topology.Host host = topology.hosts().get(i);
            Integer sameName = names.putIfAbsent(host.name(), i);
            if (sameName != null) {
                errors.add(new FieldError("hosts[" + i + "].name", "duplicates hosts[" + sameName + "].name",
                        "give every host a unique name"));
            }
            String endpoint = host.address() + ":" + host.sshPortOrDefault();
            Integer sameEndpoint = endpoints.putIfAbsent(endpoint, i);
            if (sameEndpoint != null) {
                errors.add(new FieldError("hosts[" + i + "].address", "duplicates the address and SSH port of hosts["
                        + sameEndpoint + "]", "list each host once"));
            }
        }
        return errors;
    }
}
