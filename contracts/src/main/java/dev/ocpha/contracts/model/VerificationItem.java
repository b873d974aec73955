package dev.ocpha.contracts.model;

/**
 * One post-deployment check
 * (oceanbase/ocp-doc@V4.2.2:zh-CN/300.deployment-guide/100.deploying-enterprise-ocp/300.deployment/300.post-deployment-check.md)
 * on one target: an OCP node ({@code host}), an AZ access address or a cluster. {@code status} is PASS or FAIL.
 */
public record VerificationItem(String target, String check, String status, String observed, String expected,
                               String message) {
}
