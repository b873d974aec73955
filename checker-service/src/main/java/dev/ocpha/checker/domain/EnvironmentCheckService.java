package dev.ocpha.checker.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ocpha.checker.checks.Remediator.AppliedFix;
import dev.ocpha.checker.checks.Verdicts;
import dev.ocpha.checker.persistence.CheckFixEntity;
import dev.ocpha.checker.persistence.CheckHostEntity;
import dev.ocpha.checker.persistence.CheckResultEntity;
import dev.ocpha.checker.persistence.CheckRunEntity;
import dev.ocpha.contracts.events.EnvironmentCheckRequested;
import dev.ocpha.contracts.events.EnvironmentChecked;
import dev.ocpha.contracts.events.HostChecked;
import dev.ocpha.contracts.model.CheckResult;
import dev.ocpha.platform.messaging.AfterCommit;
import dev.ocpha.platform.messaging.Correlation;
import dev.ocpha.platform.messaging.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Check runs: recorded when asked for (by a deployment's {@link EnvironmentCheckRequested} or over HTTP), run after
 * that commit by {@link CheckRunWorker}, and completed with their results, host facts, applied fixes and, for a
 * deployment, the {@link HostChecked} and {@link EnvironmentChecked} events, all in one transaction.
 */
@ApplicationScoped
public class EnvironmentCheckService {

    private static final Logger LOG = Logger.getLogger(EnvironmentCheckService.class);
    static final int MAX_SUMMARY_WARNINGS = 200;

    private final AfterCommit afterCommit;
    private final CheckRunWorker worker;
    private final Outbox outbox;
    private final ObjectMapper mapper;

    public EnvironmentCheckService(AfterCommit afterCommit, CheckRunWorker worker, Outbox outbox, ObjectMapper mapper) {
        this.afterCommit = afterCommit;
        this.worker = worker;
        this.outbox = outbox;
        this.mapper = mapper;
    }

    /** A deployment's hosts are added: check them. An invalid request completes at once as a failed check. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onEnvironmentCheckRequested(EnvironmentCheckRequested event) {
        CheckInventory inventory = new CheckInventory(event.hosts(), event.clusters(), event.sizingProfile(), event.strict());
        List<InventoryProblem> problems = InventoryValidator.validate(inventory);
        CheckRunEntity run = record(UUID.fromString(event.deploymentId()), CheckRunEntity.CHECK, null, inventory, false,
                "planner-service");
        if (!problems.isEmpty()) {
            LOG.warnf("environment check request of deployment %s is invalid: %s", event.deploymentId(), problems);
            List<CheckResult> results = problems.stream().map(p -> Verdicts.fail("request", "request:" + p.field(),
                    p.field(), "a valid field", p.message())).toList();
            finish(run, List.of(new HostReport("request", results, null, "INVALID_REQUEST", 0)), List.of());
            return;
        }
        afterCommit.run(() -> worker.submit(run.id));
    }

    /**
     * A precheck of an inventory on its own (no deployment); with {@code autoFix} the safe fixes are applied too. Only
     * hosts of the deployments this checker knows, unless {@code outsideKnownDeployments}.
     */
    @Transactional
    public UUID startPrecheck(CheckInventory inventory, boolean autoFix, boolean outsideKnownDeployments,
                              String requestedBy) {
        List<InventoryProblem> problems = InventoryValidator.validate(inventory);
        if (!problems.isEmpty()) {
            throw new InvalidInventoryException(problems);
        }
        if (!outsideKnownDeployments) {
            List<InventoryProblem> outside = KnownHosts.outside(inventory.hosts(), knownAddresses());
            if (!outside.isEmpty()) {
                throw new HostsOutsideDeploymentsException(outside);
            }
        }
        CheckRunEntity run = record(null, CheckRunEntity.CHECK, null, inventory, autoFix, requestedBy);
        LOG.infof("%s started check run %s of %d host(s)%s", requestedBy, run.id, inventory.hosts().size(),
                autoFix ? " with auto-fix" : "");
        afterCommit.run(() -> worker.submit(run.id));
        return run.id;
    }

    /** SSH addresses of the hosts of every deployment the planner asked this checker to check. */
    @SuppressWarnings("unchecked")
    private static Set<String> knownAddresses() {
        return Set.copyOf(CheckRunEntity.getEntityManager().createNativeQuery("""
                SELECT DISTINCT h -> 'access' ->> 'address' FROM check_run,
                       jsonb_array_elements(CAST(request AS jsonb) -> 'hosts') AS h
                WHERE deployment_id IS NOT NULL""").getResultList());
    }

    /** The same inventory checked again, as a new run of the history. */
    @Transactional
    public UUID recheck(UUID previousRunId, String requestedBy) {
        return follow(previousRunId, CheckRunEntity.RECHECK, requestedBy);
    }

    /** The previous run's auto-fixable remediations applied, then the inventory checked again. */
    @Transactional
    public UUID autofix(UUID previousRunId, String requestedBy) {
        return follow(previousRunId, CheckRunEntity.AUTOFIX, requestedBy);
    }

    private UUID follow(UUID previousRunId, String kind, String requestedBy) {
        CheckRunEntity previous = CheckRunEntity.findById(previousRunId);
        if (previous == null) {
            throw new UnknownRunException("No check run " + previousRunId + ".");
        }
        if (CheckRunEntity.RUNNING.equals(previous.status)) {
            throw new RunInProgressException("Check run " + previousRunId + " is still running; wait for its results.");
        }
        CheckRunEntity run = record(previous.deploymentId, kind, previous.id, inventory(previous), false, requestedBy);
        LOG.infof("%s started %s run %s after run %s", requestedBy, kind.toLowerCase(java.util.Locale.ROOT), run.id,
                previousRunId);
        afterCommit.run(() -> worker.submit(run.id));
        return run.id;
    }

    private CheckRunEntity record(UUID deploymentId, String kind, UUID previousRunId, CheckInventory inventory,
                                  boolean autoFix, String requestedBy) {
        CheckRunEntity run = new CheckRunEntity();
        run.id = UUID.randomUUID();
        run.deploymentId = deploymentId;
        run.kind = kind;
        run.previousRunId = previousRunId;
        run.status = CheckRunEntity.RUNNING;
        run.request = toJson(inventory);
        run.profile = inventory.profile() == null ? "production" : inventory.profile().toLowerCase(java.util.Locale.ROOT);
        run.strict = inventory.strict();
        run.autoFix = autoFix;
        run.requestedBy = requestedBy;
        run.correlationId = Correlation.correlationId();
        run.causationId = Correlation.causationId();
        run.startedAt = OffsetDateTime.now();
        run.persist();
        return run;
    }

    /** What the worker needs to run a recorded run. */
    @Transactional
    public CheckRunWorker.RunSpec spec(UUID runId) {
        CheckRunEntity run = CheckRunEntity.findById(runId);
        if (run == null || !CheckRunEntity.RUNNING.equals(run.status)) {
            return null;
        }
        List<CheckResult> toFix = CheckRunEntity.AUTOFIX.equals(run.kind)
                ? CheckResultEntity.ofRun(run.previousRunId).stream().map(EnvironmentCheckService::toResult).toList()
                : List.of();
        return new CheckRunWorker.RunSpec(run.id, inventory(run), run.autoFix, toFix, run.correlationId, run.causationId);
    }

    /** Resumes the runs a stopped checker left unfinished. */
    @Transactional
    public void resumeUnfinished() {
        for (CheckRunEntity run : CheckRunEntity.running()) {
            LOG.infof("resuming check run %s", run.id);
            worker.submit(run.id);
        }
    }

    @Transactional
    public void complete(UUID runId, List<HostReport> reports, List<AppliedFix> fixes) {
        CheckRunEntity run = CheckRunEntity.findById(runId);
        if (run == null || !CheckRunEntity.RUNNING.equals(run.status)) {
            return;
        }
        finish(run, reports, fixes);
    }

    private void finish(CheckRunEntity run, List<HostReport> reports, List<AppliedFix> fixes) {
        List<CheckResult> all = new ArrayList<>();
        for (HostReport report : reports) {
            CheckHostEntity host = new CheckHostEntity();
            host.runId = run.id;
            host.host = report.host();
            host.passed = report.passed();
            host.connectionProblem = report.connectionProblem();
            host.clockOffsetMs = report.clock() == null ? null : report.clock().offsetMs();
            host.clockRttMs = report.clock() == null ? null : report.clock().rttMs();
            host.durationMs = report.durationMs();
            host.persist();
            report.results().forEach(result -> persist(run.id, result));
            all.addAll(report.results());
        }
        for (AppliedFix fix : fixes) {
            CheckFixEntity entity = new CheckFixEntity();
            entity.runId = run.id;
            entity.host = fix.host();
            entity.checkName = fix.check();
            entity.command = fix.command();
            entity.exitStatus = fix.exitStatus();
            entity.output = fix.output();
            entity.persist();
        }
        run.passed = reports.stream().allMatch(HostReport::passed);
        run.status = CheckRunEntity.DONE;
        run.finishedAt = OffsetDateTime.now();
        if (run.deploymentId != null) {
            String deploymentId = run.deploymentId.toString();
            for (HostReport report : reports) {
                outbox.append(new HostChecked(deploymentId, run.id.toString(), report.host(), report.passed(),
                        report.results()));
            }
            // every FAIL, and warnings up to a cap: the summary must stay one Kafka record however many hosts
            // there are (each host's full results are in its HostChecked)
            List<CheckResult> problems = new ArrayList<>(all.stream().filter(r -> Verdicts.FAIL.equals(r.status())).toList());
            all.stream().filter(r -> Verdicts.WARN.equals(r.status())).limit(MAX_SUMMARY_WARNINGS).forEach(problems::add);
            outbox.append(new EnvironmentChecked(deploymentId, run.id.toString(), run.passed, reports.size(), problems));
        }
        LOG.infof("check run %s (%s%s): %s", run.id, run.kind,
                run.deploymentId == null ? "" : ", deployment " + run.deploymentId, run.passed ? "passed" : "failed");
    }

    private static void persist(UUID runId, CheckResult result) {
        CheckResultEntity entity = new CheckResultEntity();
        entity.runId = runId;
        entity.host = result.host();
        entity.checkName = result.check();
        entity.status = result.status();
        entity.observed = result.observed();
        entity.expected = result.expected();
        entity.message = result.message();
        entity.remediation = result.remediation();
        entity.autoFixable = result.autoFixable();
        entity.persist();
    }

    public static CheckResult toResult(CheckResultEntity e) {
        return new CheckResult(e.host, e.checkName, e.status, e.observed, e.expected, e.message, e.remediation,
                e.autoFixable);
    }

    public CheckInventory inventory(CheckRunEntity run) {
        try {
            return mapper.readValue(run.request, new TypeReference<>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the stored inventory of run " + run.id + " is unreadable", e);
        }
    }

    private String toJson(CheckInventory inventory) {
        try {
            return mapper.writeValueAsString(inventory);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
