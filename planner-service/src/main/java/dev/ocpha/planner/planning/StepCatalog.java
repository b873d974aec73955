package dev.ocpha.planner.planning;

import dev.ocpha.contracts.StepKinds;
import java.util.Locale;
import java.util.Map;

/**
 * Per-kind timeouts (what the executor enforces per try) and estimates (what the critical path adds up). Estimates are
 * typical durations on production hardware, not promises; OCP's own startup takes about 2 minutes
 * (oceanbase/ocp-doc@V4.2.2:zh-CN/300.deployment-guide/200.deploying-community-ocp/550.docker-deploy-ocp.md).
 */
public final class StepCatalog {

    record Timing(int timeoutSeconds, int estimateSeconds) {
    }

    private static final Map<String, Timing> TIMINGS = Map.ofEntries(
            Map.entry(StepKinds.PREPARE_HOST, new Timing(300, 30)),
            Map.entry(StepKinds.PREPARE_MEDIA, new Timing(1800, 300)),
            Map.entry(StepKinds.CREATE_METADB, new Timing(1200, 240)),
            Map.entry(StepKinds.BOOTSTRAP_METADB, new Timing(1800, 600)),
            Map.entry(StepKinds.START_OBPROXY, new Timing(300, 30)),
            Map.entry(StepKinds.INSTALL_OCP, new Timing(1200, 180)),
            Map.entry(StepKinds.WAIT_OCP_HEALTHY, new Timing(360, 120)),
            Map.entry(StepKinds.ENABLE_MULTI_CLUSTER, new Timing(900, 180)),
            Map.entry(StepKinds.REGISTER_STANDBY, new Timing(900, 120)),
            Map.entry(StepKinds.APPLY_AZ_PARAMETERS, new Timing(900, 180)),
            Map.entry(StepKinds.REMOVE_OCP, new Timing(600, 30)),
            Map.entry(StepKinds.REMOVE_METADB, new Timing(900, 60)));

    /** The checker's environment check and post-deployment check, for the critical path. */
    static final int ENVIRONMENT_CHECK_ESTIMATE = 60;
    static final int VERIFICATION_ESTIMATE = 60;

    private StepCatalog() {
    }

    public static int timeoutSeconds(String kind) {
        return TIMINGS.get(kind).timeoutSeconds();
    }

    public static int estimateSeconds(String kind) {
        return TIMINGS.get(kind).estimateSeconds();
    }

    /** {@code <kind-lower-dashed>@<target>}, e.g. {@code install-ocp@host-1}. */
    public static String stepId(String kind, String target) {
        return kind.toLowerCase(Locale.ROOT).replace('_', '-') + "@" + target;
    }
}
