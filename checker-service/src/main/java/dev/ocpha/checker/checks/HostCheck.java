package dev.ocpha.checker.checks;

import dev.ocpha.contracts.model.CheckResult;
import java.util.List;

/**
 * One named check of the catalog: whether it applies to a host (by its roles), how much it weighs, a shell probe
 * run on the host, and the judgement of the probe's output. Probes never read standard input and never
 * {@code exit}: they are joined with the other probes of the host into one script, which defines
 * {@code ocpha_cat FILE…} (files printed without starting a process).
 */
public interface HostCheck {

    /** Stable name; checks with one result per subject name them {@code name:subject}. */
    String name();

    boolean appliesTo(CheckContext context);

    Severity severity(SizingProfile profile);

    /** A POSIX shell snippet whose standard output (and error) {@link #evaluate} reads. */
    String probe(CheckContext context);

    /** PASS or FAIL (WARN where the finding is soft by nature); {@link Verdicts#grade} applies the severity. */
    List<CheckResult> evaluate(CheckContext context, String output);
}
