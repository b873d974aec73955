package dev.ocpha.executor.steps;

import dev.ocpha.contracts.StepKinds;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;

/**
 * OCP's system parameters after install (ocp-facts §6.4): one {@code param.<name>} per parameter; only differing
 * values are written, and OCP restarts when a written one needs it.
 */
@ApplicationScoped
public class InitSystemParametersStep implements Step {

    @Override
    public String kind() {
        return StepKinds.INIT_SYSTEM_PARAMETERS;
    }

    @Override
    public String description() {
        return "Set ocp.site.url, the config URL and the MonitorDB address; restart OCP where a parameter needs it";
    }

    @Override
    public Duration defaultTimeout() {
        return Duration.ofMinutes(10);
    }

    @Override
    public void validate(StepParameters p) throws StepFailure {
        p.url("url");
        p.require("adminPasswordRef");
        p.name("container");
        wanted(p);
    }

    static Map<String, String> wanted(StepParameters p) throws StepFailure {
        Map<String, String> wanted = p.withPrefix("param.");
        if (wanted.isEmpty()) {
            throw p.invalid("param.<name>", "is missing: give at least one system parameter");
        }
        for (Map.Entry<String, String> parameter : wanted.entrySet()) {
            if (!parameter.getKey().matches("[a-z0-9][a-z0-9.-]*") || parameter.getValue() == null) {
                throw p.invalid("param." + parameter.getKey(), "is not a system parameter name with a value");
            }
        }
        return wanted;
    }

    @Override
    public String run(StepContext context) throws StepFailure {
        StepParameters p = context.parameters();
        return SystemParameters.apply(context, p.url("url"), p.name("container"), wanted(p));
    }
}
