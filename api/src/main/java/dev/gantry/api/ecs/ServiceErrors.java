package dev.gantry.api.ecs;

import dev.gantry.core.error.ApiException;
import dev.gantry.core.error.ErrorKind;

/** The ECS error kinds only the service handlers raise (botocore's names), and their messages. */
enum ServiceErrors implements ErrorKind {
    SERVICE_NOT_FOUND("ServiceNotFoundException"),
    SERVICE_NOT_ACTIVE("ServiceNotActiveException"),
    CLUSTER_CONTAINS_SERVICES("ClusterContainsServicesException"),
    SERVICE_DEPLOYMENT_NOT_FOUND("ServiceDeploymentNotFoundException"),
    NAMESPACE_NOT_FOUND("NamespaceNotFoundException");

    private final String wireName;

    ServiceErrors(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    static ApiException notFound(String ref, String cluster) {
        return new ApiException(
                SERVICE_NOT_FOUND,
                "Service not found: '" + ref + "' in cluster " + cluster
                        + ". ListServices shows the cluster's services.");
    }

    static ApiException notActive(String name, String status) {
        return new ApiException(
                SERVICE_NOT_ACTIVE,
                "Service was not ACTIVE: " + name + " is " + status + ". Create it again with CreateService.");
    }

    static ApiException deploymentNotFound(String arn) {
        return new ApiException(
                SERVICE_DEPLOYMENT_NOT_FOUND,
                "Service deployment not found: '" + arn + "'. ListServiceDeployments shows a service's deployments.");
    }

    static ApiException namespaceNotFound(String ref) {
        return new ApiException(
                NAMESPACE_NOT_FOUND,
                "Namespace '" + ref + "' was not found. Create it with Cloud Map (for example aws servicediscovery "
                        + "create-http-namespace) and give its name or ARN.");
    }
}
