package dev.ocpha.planner.domain;

/** The OCP deployment modes of the source document. Multi-cluster and multi-AZ may combine. */
public enum DeploymentMode {
    SINGLE_NODE, MULTI_NODE, MULTI_CLUSTER, MULTI_AZ
}
