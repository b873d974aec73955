package dev.ocpha.checker.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ocpha.checker.persistence.CheckResultEntity;
import dev.ocpha.checker.persistence.CheckRunEntity;
import dev.ocpha.contracts.events.EnvironmentCheckRequested;
import dev.ocpha.contracts.events.EnvironmentChecked;
import dev.ocpha.contracts.model.CheckResult;
import dev.ocpha.contracts.model.PlannedHost;
import dev.ocpha.platform.messaging.AfterCommit;
import dev.ocpha.platform.messaging.Correlation;
import dev.ocpha.platform.messaging.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The environment check of a planned deployment. The run is recorded when the plan arrives and probed after that
 * commit, off the consumer thread; its results and the {@link EnvironmentChecked} event commit together.
 */
@ApplicationScoped
public class EnvironmentCheckService {

    private static final Logger LOG = Logger.getLogger(EnvironmentCheckService.class);

    private final AfterCommit afterCommit;
    private final CheckRunner runner;
    private final Outbox outbox;
    private final ObjectMapper mapper;

    public EnvironmentCheckService(AfterCommit afterCommit, CheckRunner runner, Outbox outbox, ObjectMapper mapper) {
        this.afterCommit = afterCommit;
        this.runner = runner;
        this.outbox = outbox;
        this.mapper = mapper;
    }

    public void onEnvironmentCheckRequested(EnvironmentCheckRequested event) {
        UUID deploymentId = UUID.fromString(event.deploymentId());
        if (CheckRunEntity.ofDeployment(deploymentId) != null) {
            return;
        }
        CheckRunEntity run = new CheckRunEntity();
        run.id = UUID.randomUUID();
        run.deploymentId = deploymentId;
        run.status = CheckRunEntity.RUNNING;
        run.hosts = toJson(event.hosts());
        run.correlationId = Correlation.correlationId();
        run.causationId = Correlation.causationId();
        run.startedAt = OffsetDateTime.now();
        run.persist();
        afterCommit.run(() -> runner.submit(run.id, event.hosts(), run.correlationId, run.causationId));
    }

    /** Resumes the runs a stopped checker left unfinished. */
    @Transactional
    public void resumeUnfinished() {
        for (CheckRunEntity run : CheckRunEntity.running()) {
            LOG.infof("resuming environment check %s of deployment %s", run.id, run.deploymentId);
            runner.submit(run.id, fromJson(run.hosts), run.correlationId, run.causationId);
        }
    }

    @Transactional
    public void complete(UUID runId, List<CheckResult> results) {
        CheckRunEntity run = CheckRunEntity.findById(runId);
        if (run == null || !CheckRunEntity.RUNNING.equals(run.status)) {
            return;
        }
        for (CheckResult result : results) {
            CheckResultEntity entity = new CheckResultEntity();
            entity.runId = runId;
            entity.host = result.host();
            entity.checkName = result.check();
            entity.status = result.status();
            entity.observed = result.observed();
            entity.expected = result.expected();
            entity.message = result.message();
            entity.remediation = result.remediation();
            entity.persist();
        }
        run.passed = results.stream().noneMatch(result -> "FAIL".equals(result.status()));
        run.status = CheckRunEntity.DONE;
        run.finishedAt = OffsetDateTime.now();
        List<CheckResult> problems = results.stream().filter(result -> !"PASS".equals(result.status())).toList();
        outbox.append(new EnvironmentChecked(run.deploymentId.toString(), runId.toString(), run.passed,
                (int) results.stream().map(CheckResult::host).distinct().count(), problems));
        LOG.infof("environment check of deployment %s: %s", run.deploymentId, run.passed ? "passed" : "failed");
    }

    private String toJson(List<PlannedHost> hosts) {
        try {
            return mapper.writeValueAsString(hosts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<PlannedHost> fromJson(String json) {
        try {
            return mapper.readValue(json, new TypeReference<>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored hosts are unreadable", e);
        }
    }
}
