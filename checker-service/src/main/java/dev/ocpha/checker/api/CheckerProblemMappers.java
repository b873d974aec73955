package dev.ocpha.checker.api;

import dev.ocpha.checker.domain.HostsOutsideDeploymentsException;
import dev.ocpha.checker.domain.InvalidInventoryException;
import dev.ocpha.checker.domain.RunInProgressException;
import dev.ocpha.checker.domain.UnknownRunException;
import dev.ocpha.platform.api.Problem;
import dev.ocpha.platform.api.ProblemResponses;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The checker's own errors as problem+json. */
public class CheckerProblemMappers {

    @ServerExceptionMapper
    public Response invalidInventory(InvalidInventoryException e) {
        boolean outside = e instanceof HostsOutsideDeploymentsException;
        return ProblemResponses.of(outside ? ProblemResponses.UNPROCESSABLE : Response.Status.BAD_REQUEST, outside
                        ? "Hosts outside the deployments this checker knows; the request must say it means them."
                        : "The inventory has invalid fields.",
                e.problems().stream()
                        // the API's hosts are flat: hosts[0].address, not the model's hosts[0].access.address
                        .map(p -> new Problem.FieldError(p.field().replace(".access.", "."), p.message()))
                        .toList());
    }

    @ServerExceptionMapper
    public Response unknown(UnknownRunException e) {
        return ProblemResponses.of(Response.Status.NOT_FOUND, e.getMessage());
    }

    @ServerExceptionMapper
    public Response conflict(RunInProgressException e) {
        return ProblemResponses.of(Response.Status.CONFLICT, e.getMessage());
    }
}
