package dev.ocpha.planner.domain;

public enum StepStatus {
    PENDING, REQUESTED, RUNNING, SUCCEEDED, FAILED
}
