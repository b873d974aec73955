package dev.ocpha.checker.checks;

import dev.ocpha.contracts.model.CheckResult;

/** One named check: a shell probe run on the host, and the judgement of its output. */
public interface HostCheck {

    /** Stable name, shown in results. */
    String name();

    /** A POSIX shell snippet whose standard output {@link #evaluate} reads. */
    String probe();

    CheckResult evaluate(String host, String output);
}
