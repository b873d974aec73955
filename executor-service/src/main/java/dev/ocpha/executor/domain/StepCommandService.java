package dev.ocpha.executor.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ocpha.contracts.StepKinds;
import dev.ocpha.contracts.events.AzAssigned;
import dev.ocpha.contracts.events.OperatorActionCompleted;
import dev.ocpha.contracts.events.StandbyRegistrationRequested;
import dev.ocpha.contracts.events.StepRequested;
import dev.ocpha.contracts.model.AzNode;
import dev.ocpha.executor.config.ExecutorConfig;
import dev.ocpha.executor.persistence.StepRuns;
import dev.ocpha.executor.steps.StepCatalog;
import dev.ocpha.platform.messaging.AfterCommit;
import dev.ocpha.platform.messaging.Correlation;
import dev.ocpha.platform.messaging.PoisonMessageException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Step commands, planned or asked for by the registry: recorded in the shared step-run table and committed before
 * anything runs; the {@link StepDispatcher} of any executor then claims and runs them. A command already recorded
 * (the same deployment, step and attempt, whatever event delivered it) is not recorded again, so it runs once.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class StepCommandService {

    private static final Logger LOG = Logger.getLogger(StepCommandService.class);

    private final StepRuns runs;
    private final StepCatalog catalog;
    private final StepDispatcher dispatcher;
    private final AfterCommit afterCommit;
    private final ObjectMapper mapper;
    private final ExecutorConfig config;

    public StepCommandService(StepRuns runs, StepCatalog catalog, StepDispatcher dispatcher, AfterCommit afterCommit,
                              ObjectMapper mapper, ExecutorConfig config) {
        this.runs = runs;
        this.catalog = catalog;
        this.dispatcher = dispatcher;
        this.afterCommit = afterCommit;
        this.mapper = mapper;
        this.config = config;
    }

    public void accept(StepRequested request) {
        UUID deploymentId = checked(request);
        boolean inserted = runs.insertIfAbsent(new StepRuns.NewRun(deploymentId, request.stepId(), request.attempt(),
                request.kind(), request.host(), request.access().address() + ":" + request.access().sshPort(),
                catalog.mutating(request.kind()), toJson(request), config.id(), Correlation.correlationId(),
                Correlation.causationId())).isPresent();
        if (inserted) {
            afterCommit.run(dispatcher::wakeUp);
        } else {
            LOG.infof("step %s (attempt %d) of deployment %s is already recorded; this delivery is ignored",
                    request.stepId(), request.attempt(), request.deploymentId());
        }
    }

    /** An operator reported an action done: its run becomes claimable again, and its next try verifies. */
    public void completeAction(OperatorActionCompleted event) {
        UUID deploymentId;
        try {
            deploymentId = UUID.fromString(String.valueOf(event.deploymentId()));
        } catch (IllegalArgumentException e) {
            throw new PoisonMessageException("OperatorActionCompleted for action " + event.actionId()
                    + " has deploymentId '" + event.deploymentId() + "', which is not a UUID", null);
        }
        if (runs.completeAction(deploymentId, event.stepId(), event.attempt(), event.actionId(), event.actor(),
                event.note())) {
            LOG.infof("%s completed action %s of deployment %s; verifying", event.actor(), event.actionId(),
                    event.deploymentId());
            afterCommit.run(dispatcher::wakeUp);
        } else {
            LOG.infof("action %s of deployment %s does not wait (completed before, or not asked); this completion is"
                    + " ignored", event.actionId(), event.deploymentId());
        }
    }

    /**
     * The registry found a standby ready and its primary active: register it, on the standby's host (an operator
     * action in the standby's console, verified from that host).
     */
    public void registerStandby(StandbyRegistrationRequested event) {
        Map<String, String> parameters = new HashMap<>();
        parameters.put("primaryCluster", event.primaryCluster());
        parameters.put("primaryMetaDbAddress", event.primaryMetaDbAddress());
        parameters.put("primaryMetaDbUser", event.primaryMetaDbUser());
        parameters.put("primaryMetaDbDatabase", event.primaryMetaDbDatabase());
        parameters.put("metaPasswordRef", event.metaPasswordRef());
        parameters.put("adminPasswordRef", event.adminPasswordRef());
        parameters.put("standbyUrl", event.standbyAccess() == null ? null : "http://" + event.standbyAccess().address()
                + ":" + config.registrySteps().ocpHttpPort());
        accept(new StepRequested(event.deploymentId(), StepKinds.registerStandbyStepId(event.standbyCluster()),
                StepKinds.REGISTER_STANDBY, "Register standby cluster " + event.standbyCluster() + " to primary "
                + event.primaryCluster(), event.standbyHost(), event.standbyCluster(), event.standbyAccess(),
                withoutNulls(parameters), config.registrySteps().timeoutSeconds(), config.registrySteps().maxTries(),
                attempt(event.attempt()), event.installerProfile()));
    }

    /** The registry assigned an AZ its addresses: set them on each of its OCP nodes. */
    public void applyAzParameters(AzAssigned event) {
        if (event.ocpNodes() == null || event.ocpNodes().isEmpty()) {
            throw new PoisonMessageException("AzAssigned for AZ " + event.az() + " of deployment "
                    + event.deploymentId() + " lists no OCP nodes", null);
        }
        for (AzNode node : event.ocpNodes()) {
            Map<String, String> parameters = new HashMap<>();
            parameters.put("az", event.az());
            parameters.put("accessAddress", event.accessAddress());
            parameters.put("configUrl", event.configUrl());
            parameters.put("monitorDbAddress", event.monitorDbAddress());
            parameters.put("metaDbProxy", event.metaDbProxy());
            parameters.put("container", event.container());
            parameters.put("adminPasswordRef", event.adminPasswordRef());
            parameters.put("url", node.access() == null ? null : "http://" + node.access().address() + ":"
                    + config.registrySteps().ocpHttpPort());
            accept(new StepRequested(event.deploymentId(), StepKinds.azParametersStepId(event.az(), node.host()),
                    StepKinds.APPLY_AZ_PARAMETERS, "Apply the parameters of AZ " + event.az() + " on " + node.host(),
                    node.host(), event.cluster(), node.access(), withoutNulls(parameters),
                    config.registrySteps().timeoutSeconds(), config.registrySteps().maxTries(),
                    attempt(event.attempt()), event.installerProfile()));
        }
    }

    /** The registry's attempt number; events written before it was carried say nothing, which means the first. */
    private static int attempt(int attempt) {
        return Math.max(1, attempt);
    }

    /** What the executor needs to record and route a command at all; anything else is checked when it runs. */
    private static UUID checked(StepRequested request) {
        String problem = null;
        if (request.stepId() == null || request.stepId().isBlank()) {
            problem = "no stepId";
        } else if (request.host() == null || request.host().isBlank()) {
            problem = "no host";
        } else if (request.access() == null || request.access().address() == null) {
            problem = "no access (address, sshPort, user, credentialRef) for host " + request.host();
        } else if (request.attempt() < 1) {
            problem = "attempt " + request.attempt() + " (attempts count from 1)";
        }
        try {
            UUID id = UUID.fromString(String.valueOf(request.deploymentId()));
            if (problem == null) {
                return id;
            }
        } catch (IllegalArgumentException e) {
            problem = "deploymentId '" + request.deploymentId() + "', which is not a UUID";
        }
        throw new PoisonMessageException("step command " + request.stepId() + " has " + problem, null);
    }

    private static Map<String, String> withoutNulls(Map<String, String> parameters) {
        parameters.values().removeIf(java.util.Objects::isNull);
        return Map.copyOf(parameters);
    }

    private String toJson(StepRequested request) {
        try {
            return mapper.writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
