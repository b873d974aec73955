package dev.ocpha.contracts;

import dev.ocpha.contracts.events.AzActivated;
import dev.ocpha.contracts.events.AzActivationFailed;
import dev.ocpha.contracts.events.AzAssigned;
import dev.ocpha.contracts.events.ClusterActivated;
import dev.ocpha.contracts.events.DeploymentCancelled;
import dev.ocpha.contracts.events.DeploymentFailed;
import dev.ocpha.contracts.events.DeploymentPlanned;
import dev.ocpha.contracts.events.DeploymentRetried;
import dev.ocpha.contracts.events.DeploymentSucceeded;
import dev.ocpha.contracts.events.DeploymentVerified;
import dev.ocpha.contracts.events.EnvironmentCheckRequested;
import dev.ocpha.contracts.events.EnvironmentChecked;
import dev.ocpha.contracts.events.HostChecked;
import dev.ocpha.contracts.events.NodeRegistered;
import dev.ocpha.contracts.events.OperatorActionCompleted;
import dev.ocpha.contracts.events.OperatorActionRequired;
import dev.ocpha.contracts.events.StandbyBindingFailed;
import dev.ocpha.contracts.events.StandbyBound;
import dev.ocpha.contracts.events.StandbyRegistrationRequested;
import dev.ocpha.contracts.events.StepFailed;
import dev.ocpha.contracts.events.StepProgressed;
import dev.ocpha.contracts.events.StepRequested;
import dev.ocpha.contracts.events.StepStarted;
import dev.ocpha.contracts.events.StepSucceeded;
import dev.ocpha.contracts.events.VerificationRequested;

/** Every event type: its CloudEvents type, record, topic and current schema version. */
public enum EventType {
    DEPLOYMENT_PLANNED(DeploymentPlanned.class, Topics.DEPLOYMENTS, 1),
    ENVIRONMENT_CHECK_REQUESTED(EnvironmentCheckRequested.class, Topics.DEPLOYMENTS, 1),
    VERIFICATION_REQUESTED(VerificationRequested.class, Topics.DEPLOYMENTS, 1),
    DEPLOYMENT_SUCCEEDED(DeploymentSucceeded.class, Topics.DEPLOYMENTS, 1),
    DEPLOYMENT_FAILED(DeploymentFailed.class, Topics.DEPLOYMENTS, 1),
    DEPLOYMENT_CANCELLED(DeploymentCancelled.class, Topics.DEPLOYMENTS, 1),
    DEPLOYMENT_RETRIED(DeploymentRetried.class, Topics.DEPLOYMENTS, 1),
    HOST_CHECKED(HostChecked.class, Topics.CHECKS, 1),
    ENVIRONMENT_CHECKED(EnvironmentChecked.class, Topics.CHECKS, 1),
    DEPLOYMENT_VERIFIED(DeploymentVerified.class, Topics.CHECKS, 1),
    STEP_REQUESTED(StepRequested.class, Topics.STEP_COMMANDS, 1),
    OPERATOR_ACTION_COMPLETED(OperatorActionCompleted.class, Topics.STEP_COMMANDS, 1),
    STEP_STARTED(StepStarted.class, Topics.STEP_EVENTS, 1),
    STEP_PROGRESSED(StepProgressed.class, Topics.STEP_EVENTS, 1),
    STEP_SUCCEEDED(StepSucceeded.class, Topics.STEP_EVENTS, 1),
    STEP_FAILED(StepFailed.class, Topics.STEP_EVENTS, 1),
    OPERATOR_ACTION_REQUIRED(OperatorActionRequired.class, Topics.STEP_EVENTS, 1),
    NODE_REGISTERED(NodeRegistered.class, Topics.TOPOLOGY, 1),
    CLUSTER_ACTIVATED(ClusterActivated.class, Topics.TOPOLOGY, 1),
    STANDBY_REGISTRATION_REQUESTED(StandbyRegistrationRequested.class, Topics.TOPOLOGY, 1),
    STANDBY_BOUND(StandbyBound.class, Topics.TOPOLOGY, 1),
    STANDBY_BINDING_FAILED(StandbyBindingFailed.class, Topics.TOPOLOGY, 1),
    AZ_ASSIGNED(AzAssigned.class, Topics.TOPOLOGY, 1),
    AZ_ACTIVATED(AzActivated.class, Topics.TOPOLOGY, 1),
    AZ_ACTIVATION_FAILED(AzActivationFailed.class, Topics.TOPOLOGY, 1);

    private final Class<? extends Event> recordType;
    private final String topic;
    private final int schemaVersion;

    EventType(Class<? extends Event> recordType, String topic, int schemaVersion) {
        this.recordType = recordType;
        this.topic = topic;
        this.schemaVersion = schemaVersion;
    }

    /** The CloudEvents {@code ce_type}, e.g. {@code ocpha.DeploymentPlanned}. */
    public String ceType() {
        return "ocpha." + recordType.getSimpleName();
    }

    public Class<? extends Event> recordType() {
        return recordType;
    }

    public String topic() {
        return topic;
    }

    public int schemaVersion() {
        return schemaVersion;
    }

    /** Classpath location of the JSON Schema of this type's current version. */
    public String schemaResource() {
        return "/schemas/" + recordType.getSimpleName() + ".v" + schemaVersion + ".json";
    }
}
