package dev.ocpha.checker.domain;

import java.util.List;

/** A precheck of hosts outside every known deployment, without the operator saying so. */
public class HostsOutsideDeploymentsException extends InvalidInventoryException {

    public HostsOutsideDeploymentsException(List<InventoryProblem> problems) {
        super(problems);
    }
}
