package dev.ocpha.executor.steps;

import dev.ocpha.contracts.StepKinds;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Bounded polling of {@code GET /api/status} until OCP answers {@code okay}
 * (oceanbase/ocp-doc@V4.2.2:zh-CN/1900.reference-guide/200.api-reference/1700.health-examination/300.query-ocp-application-status.md).
 * Changes nothing.
 */
@ApplicationScoped
public class WaitOcpHealthyStep implements Step {

    @Override
    public String kind() {
        return StepKinds.WAIT_OCP_HEALTHY;
    }

    @Override
    public String description() {
        return "Wait until OCP's /api/status answers okay";
    }



    @Override
    public void validate(StepParameters parameters) throws StepFailure {
        parameters.url("url");
        parameters.require("adminPasswordRef");
        parameters.integer("waitSeconds", 1, 3600);
        parameters.integer("intervalSeconds", 1, 600);
    }

    @Override
    public String run(StepContext context) throws StepFailure {
        StepParameters p = context.parameters();
        OcpApi api = new OcpApi(context, p.url("url"), context.secret("adminPasswordRef"));
        return api.awaitHealthy(p.integer("waitSeconds", 1, 3600), p.integer("intervalSeconds", 1, 600));
    }
}
