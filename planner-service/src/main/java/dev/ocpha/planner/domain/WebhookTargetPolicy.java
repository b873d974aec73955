package dev.ocpha.planner.domain;

import dev.ocpha.planner.config.PlannerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The configured {@link WebhookTargets.Policy}, applied with the system's DNS at subscription and at each send. */
@ApplicationScoped
public class WebhookTargetPolicy {

    public static final String HINT = "webhooks go to https on public addresses; an administrator can allow http "
            + "(ocpha.planner.webhooks.allow-http) or a network (ocpha.planner.webhooks.allowed-cidrs)";

    private final WebhookTargets.Policy policy;

    public WebhookTargetPolicy(PlannerConfig config) {
        PlannerConfig.Webhooks webhooks = config.webhooks();
        this.policy = new WebhookTargets.Policy(webhooks.allowHttp(), webhooks.allowedCidrs().orElse(List.of())
                .stream().map(WebhookTargets.Cidr::parse).toList());
    }

    /** Why {@code url} may not be sent to now, or empty. */
    public Optional<String> refusal(URI url) {
        return WebhookTargets.refusal(url, policy, host -> Arrays.asList(InetAddress.getAllByName(host)));
    }
}
