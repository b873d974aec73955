package dev.ocpha.planner.api;

import dev.ocpha.planner.domain.DeploymentNotFoundException;
import dev.ocpha.planner.domain.DeploymentStateException;
import dev.ocpha.planner.domain.IdempotencyConflictException;
import dev.ocpha.planner.domain.TopologyRejectedException;
import dev.ocpha.planner.domain.WebhookNotFoundException;
import dev.ocpha.planner.domain.WebhookRejectedException;
import dev.ocpha.planner.domain.WebhookTargetRefusedException;
import dev.ocpha.platform.api.ProblemResponses;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The planner's domain errors as problem+json. */
public class PlannerProblemMappers {

    @ServerExceptionMapper
    public Response rejected(TopologyRejectedException e) {
        return ProblemResponses.of(e.malformed() ? Response.Status.BAD_REQUEST : ProblemResponses.UNPROCESSABLE, e.getMessage(),
                e.errors());
    }

    @ServerExceptionMapper
    public Response notFound(DeploymentNotFoundException e) {
        return ProblemResponses.of(Response.Status.NOT_FOUND, e.getMessage());
    }

    @ServerExceptionMapper
    public Response conflict(DeploymentStateException e) {
        return ProblemResponses.of(Response.Status.CONFLICT, e.getMessage());
    }

    @ServerExceptionMapper
    public Response idempotency(IdempotencyConflictException e) {
        return ProblemResponses.of(ProblemResponses.UNPROCESSABLE, e.getMessage());
    }

    @ServerExceptionMapper
    public Response webhookRejected(WebhookRejectedException e) {
        return ProblemResponses.of(ProblemResponses.UNPROCESSABLE, e.getMessage(), e.errors());
    }

    @ServerExceptionMapper
    public Response webhookTargetRefused(WebhookTargetRefusedException e) {
        return ProblemResponses.of(Response.Status.BAD_REQUEST, e.getMessage(), e.errors());
    }

    @ServerExceptionMapper
    public Response webhookNotFound(WebhookNotFoundException e) {
        return ProblemResponses.of(Response.Status.NOT_FOUND, e.getMessage());
    }
}
