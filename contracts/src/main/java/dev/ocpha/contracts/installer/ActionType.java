package dev.ocpha.contracts.installer;

/** How an installer action reaches the host: a shell command, SQL, an HTTP call, or the operator's hands. */
public enum ActionType {
    /** A command line run over SSH. */
    RUN,
    /** SQL statements sent through the SQL client. */
    SQL,
    /** An HTTP call to a vendor endpoint, {@code METHOD /path}. */
    HTTP,
    /** No documented interface exists: the operator acts, following instructions, and the deployer verifies. */
    OPERATOR
}
