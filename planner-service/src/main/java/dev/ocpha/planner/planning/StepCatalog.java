package dev.ocpha.planner.planning;

import dev.ocpha.contracts.StepKinds;
import java.util.Locale;

/**
 * The plan's view of the step kinds: each kind's timeout and estimate as {@link StepKinds#definition} gives them, the
 * checker's estimates, and step ids.
 */
public final class StepCatalog {

    /** The checker's environment check and post-deployment check, for the critical path. */
    static final int ENVIRONMENT_CHECK_ESTIMATE = 60;
    static final int VERIFICATION_ESTIMATE = 60;

    private StepCatalog() {
    }

    public static int timeoutSeconds(String kind) {
        return (int) definition(kind).timeout().toSeconds();
    }

    public static int estimateSeconds(String kind) {
        return (int) definition(kind).estimate().toSeconds();
    }

    private static StepKinds.Definition definition(String kind) {
        return StepKinds.definition(kind).orElseThrow(() -> new IllegalArgumentException("no step kind " + kind));
    }

    /** {@code <kind-lower-dashed>@<target>}, e.g. {@code install-ocp@host-1}. */
    public static String stepId(String kind, String target) {
        return kind.toLowerCase(Locale.ROOT).replace('_', '-') + "@" + target;
    }
}
