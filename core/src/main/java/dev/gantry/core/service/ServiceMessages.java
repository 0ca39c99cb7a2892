package dev.gantry.core.service;

import java.util.List;
import java.util.stream.Collectors;

/** Service event texts, rollout reasons and stop reasons, worded as ECS words them (facts §2.5, §3, §6). */
public final class ServiceMessages {
    private ServiceMessages() {}

    public static final String CIRCUIT_BREAKER_REASON = "ECS deployment circuit breaker: tasks failed to start.";
    public static final String SCALED_IN_REASON_PREFIX = "Scaling activity initiated by (deployment ";
    public static final String FAILED_HEALTH_CHECKS = "Task failed container health checks";
    public static final String FAILED_ELB_PREFIX = "Task failed ELB health checks in (target-group ";

    public static String inProgress(String deploymentId) {
        return "ECS deployment " + deploymentId + " in progress.";
    }

    public static String completed(String deploymentId) {
        return "ECS deployment " + deploymentId + " completed.";
    }

    public static String rollingBackReason(String toDeploymentId) {
        return "ECS deployment circuit breaker: rolling back to deploymentId " + toDeploymentId + ".";
    }

    public static String scaledIn(String deploymentId) {
        return SCALED_IN_REASON_PREFIX + deploymentId + ")";
    }

    public static String failedElb(String targetGroupArn) {
        return FAILED_ELB_PREFIX + targetGroupArn + ")";
    }

    private static String prefix(String service) {
        return "(service " + service + ") ";
    }

    private static String taskList(List<String> taskIds) {
        return taskIds.stream().map(id -> "(task " + id + ")").collect(Collectors.joining(" "));
    }

    public static String steadyState(String service) {
        return prefix(service) + "has reached a steady state.";
    }

    public static String started(String service, List<String> taskIds) {
        return prefix(service) + "has started " + taskIds.size() + " tasks: " + taskList(taskIds) + ".";
    }

    public static String stopped(String service, List<String> taskIds) {
        return prefix(service) + "has stopped " + taskIds.size() + " running tasks: " + taskList(taskIds) + ".";
    }

    public static String deploymentCompleted(String service, String deploymentId) {
        return prefix(service) + "deployment " + deploymentId + " deployment completed.";
    }

    public static String deploymentFailed(String service, String deploymentId) {
        return prefix(service) + "(deployment " + deploymentId + ") deployment failed: tasks failed to start.";
    }

    public static String rollingBack(String service, String toDeploymentId) {
        return prefix(service) + "rolling back to deployment " + toDeploymentId + ".";
    }

    public static String unableToStart(String service) {
        return prefix(service) + "is unable to consistently start tasks successfully.";
    }

    public static String failedHealthChecks(String service, String taskId) {
        return prefix(service) + "(task " + taskId + ") failed container health checks.";
    }

    public static String unhealthyTarget(String service, String taskId, int port, String tg, String reason) {
        return prefix(service) + "(task " + taskId + ") (port " + port + ") is unhealthy in (target-group " + tg
                + ") due to (reason " + reason + ").";
    }

    public static String registered(String service, int n, String tg) {
        return prefix(service) + "registered " + n + " targets in (target-group " + tg + ")";
    }

    public static String deregistered(String service, int n, String tg) {
        return prefix(service) + "deregistered " + n + " targets in (target-group " + tg + ")";
    }

    public static String draining(String service, int n) {
        return prefix(service) + "has begun draining connections on " + n + " tasks.";
    }

    public static String blockedByConfiguration(String service) {
        return prefix(service) + "was unable to stop or start tasks during a deployment because of the service "
                + "deployment configuration. Update the minimumHealthyPercent or maximumPercent value and try again.";
    }
}
