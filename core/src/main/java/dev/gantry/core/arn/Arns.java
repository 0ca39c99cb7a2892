package dev.gantry.core.arn;

import dev.gantry.core.error.ApiException;
import java.util.Optional;
import java.util.regex.Pattern;

/** Builds and parses ARNs in AWS's format for one configured partition, region and account. */
public record Arns(String region, String accountId) {
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d");
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");

    public Arns {
        if (!REGION.matcher(region).matches()) {
            throw new IllegalArgumentException("region '" + region + "' is not an AWS region name such as us-east-1");
        }
        if (!ACCOUNT.matcher(accountId).matches()) {
            throw new IllegalArgumentException("account id '" + accountId + "' must be 12 digits");
        }
    }

    private String prefix(String service) {
        return "arn:aws:" + service + ":" + region + ":" + accountId + ":";
    }

    public String cluster(String name) {
        return prefix("ecs") + "cluster/" + name;
    }

    public String taskDefinition(String family, int revision) {
        return prefix("ecs") + "task-definition/" + family + ":" + revision;
    }

    public String task(String clusterName, String taskId) {
        return prefix("ecs") + "task/" + clusterName + "/" + taskId;
    }

    public String service(String clusterName, String serviceName) {
        return prefix("ecs") + "service/" + clusterName + "/" + serviceName;
    }

    /** A service deployment (ListServiceDeployments); the last part is the deployment id's digits. */
    public String serviceDeployment(String clusterName, String serviceName, String number) {
        return prefix("ecs") + "service-deployment/" + clusterName + "/" + serviceName + "/" + number;
    }

    public String serviceRevision(String clusterName, String serviceName, String number) {
        return prefix("ecs") + "service-revision/" + clusterName + "/" + serviceName + "/" + number;
    }

    public String container(String clusterName, String taskId, String containerId) {
        return prefix("ecs") + "container/" + clusterName + "/" + taskId + "/" + containerId;
    }

    public String logGroup(String name) {
        return prefix("logs") + "log-group:" + name;
    }

    public String logStream(String group, String stream) {
        return prefix("logs") + "log-group:" + group + ":log-stream:" + stream;
    }

    public String user(String name) {
        return "arn:aws:iam::" + accountId + ":user/" + name;
    }

    /** True unless {@code ref} is an ARN of another partition, region or account (a name is always local). */
    public boolean isLocal(String ref) {
        return !ref.startsWith("arn:") || ref.startsWith("arn:aws:ecs:" + region + ":" + accountId + ":");
    }

    /** The cluster name from a name or a cluster ARN. */
    public static String clusterName(String nameOrArn) {
        if (nameOrArn.startsWith("arn:")) {
            int slash = nameOrArn.indexOf(":cluster/");
            if (slash < 0) {
                throw ApiException.invalidParameter("'" + nameOrArn + "' is not a cluster ARN.");
            }
            return nameOrArn.substring(slash + ":cluster/".length());
        }
        return nameOrArn;
    }

    /** The task id from a task id or task ARN (long or short format). */
    public static String taskId(String idOrArn) {
        if (idOrArn.startsWith("arn:")) {
            int slash = idOrArn.lastIndexOf('/');
            if (!idOrArn.contains(":task/") || slash < 0) {
                throw ApiException.invalidParameter("'" + idOrArn + "' is not a task ARN.");
            }
            return idOrArn.substring(slash + 1);
        }
        return idOrArn;
    }

    /** The cluster name inside a long-format task ARN, if it has one. */
    public static Optional<String> clusterOfTask(String idOrArn) {
        if (!idOrArn.startsWith("arn:")) {
            return Optional.empty();
        }
        int start = idOrArn.indexOf(":task/");
        String rest = start < 0 ? "" : idOrArn.substring(start + ":task/".length());
        int slash = rest.indexOf('/');
        return slash < 0 ? Optional.empty() : Optional.of(rest.substring(0, slash));
    }
}
