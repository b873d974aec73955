package dev.ocpha.contracts;

/** The kinds of step a plan can hold; each executor knows how to run every kind. */
public final class StepKinds {

    /** Creates the OCP-Server program, log and file-cache directories (ocp-facts §2). */
    public static final String PREPARE_OCP_DIRECTORIES = "PREPARE_OCP_DIRECTORIES";

    private StepKinds() {
    }
}
