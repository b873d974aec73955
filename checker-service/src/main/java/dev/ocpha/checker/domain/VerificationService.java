package dev.ocpha.checker.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ocpha.checker.persistence.VerificationItemEntity;
import dev.ocpha.checker.persistence.VerificationReportEntity;
import dev.ocpha.checker.verification.DeploymentVerifier;
import dev.ocpha.contracts.events.DeploymentVerified;
import dev.ocpha.contracts.events.VerificationRequested;
import dev.ocpha.contracts.model.VerificationItem;
import dev.ocpha.platform.messaging.AfterCommit;
import dev.ocpha.platform.messaging.Correlation;
import dev.ocpha.platform.messaging.Outbox;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * Post-deployment verification reports: recorded when {@link VerificationRequested} arrives, verified after that
 * commit off the consumer thread, and completed with their items and the {@link DeploymentVerified} event in one
 * transaction.
 */
@ApplicationScoped
public class VerificationService {

    private static final Logger LOG = Logger.getLogger(VerificationService.class);

    private final AfterCommit afterCommit;
    private final DeploymentVerifier verifier;
    private final Outbox outbox;
    private final ObjectMapper mapper;
    private final Instance<VerificationService> self;
    private final ExecutorService reports = Executors.newCachedThreadPool();

    public VerificationService(AfterCommit afterCommit, DeploymentVerifier verifier, Outbox outbox, ObjectMapper mapper,
                               Instance<VerificationService> self) {
        this.afterCommit = afterCommit;
        this.verifier = verifier;
        this.outbox = outbox;
        this.mapper = mapper;
        this.self = self;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onVerificationRequested(VerificationRequested event) {
        VerificationReportEntity report = new VerificationReportEntity();
        report.id = UUID.randomUUID();
        report.deploymentId = UUID.fromString(event.deploymentId());
        report.status = VerificationReportEntity.RUNNING;
        report.request = toJson(event);
        report.correlationId = Correlation.correlationId();
        report.causationId = Correlation.causationId();
        report.startedAt = OffsetDateTime.now();
        report.persist();
        afterCommit.run(() -> submit(report.id, event, report.correlationId, report.causationId));
    }

    /** Resumes the reports a stopped checker left unfinished. */
    @Transactional
    public void resumeUnfinished() {
        for (VerificationReportEntity report : VerificationReportEntity.running()) {
            LOG.infof("resuming verification report %s of deployment %s", report.id, report.deploymentId);
            submit(report.id, fromJson(report.request), report.correlationId, report.causationId);
        }
    }

    private void submit(UUID reportId, VerificationRequested event, String correlationId, String causationId) {
        reports.submit(() -> {
            try (Correlation.Scope ignored = Correlation.open(correlationId, causationId)) {
                self.get().complete(reportId, verifier.verify(event));
            } catch (RuntimeException e) {
                LOG.errorf(e, "verification %s could not finish; it resumes at the next start", reportId);
            }
        });
    }

    @Transactional
    public void complete(UUID reportId, List<VerificationItem> items) {
        VerificationReportEntity report = VerificationReportEntity.findById(reportId);
        if (report == null || !VerificationReportEntity.RUNNING.equals(report.status)) {
            return;
        }
        for (VerificationItem item : items) {
            VerificationItemEntity entity = new VerificationItemEntity();
            entity.reportId = reportId;
            entity.target = item.target();
            entity.checkName = item.check();
            entity.status = item.status();
            entity.observed = item.observed();
            entity.expected = item.expected();
            entity.message = item.message();
            entity.persist();
        }
        report.passed = !items.isEmpty() && items.stream().allMatch(i -> "PASS".equals(i.status()));
        report.status = VerificationReportEntity.DONE;
        report.finishedAt = OffsetDateTime.now();
        outbox.append(new DeploymentVerified(report.deploymentId.toString(), reportId.toString(), report.passed, items));
        LOG.infof("verification of deployment %s: %s (%d items)", report.deploymentId,
                report.passed ? "passed" : "failed", items.size());
    }

    private String toJson(VerificationRequested event) {
        try {
            return mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private VerificationRequested fromJson(String json) {
        try {
            return mapper.readValue(json, VerificationRequested.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored verification request is unreadable", e);
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        reports.shutdownNow();
    }
}
