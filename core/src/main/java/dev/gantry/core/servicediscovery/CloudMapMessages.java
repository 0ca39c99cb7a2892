package dev.gantry.core.servicediscovery;

/** Cloud Map's error texts, in one place; {@code %s} placeholders are filled by the caller. */
public final class CloudMapMessages {
    public static final String NAMESPACE_NOT_FOUND =
            "Namespace not found: %s. List your namespaces with ListNamespaces.";
    public static final String SERVICE_NOT_FOUND = "Service not found: %s. List your services with ListServices.";
    public static final String SERVICE_NAME_NOT_FOUND =
            "Service %s not found in namespace %s. List the namespace's services with ListServices.";
    public static final String INSTANCE_NOT_FOUND = "Instance %s not found in service %s.";
    public static final String OPERATION_NOT_FOUND = "Operation not found: %s.";
    public static final String RESOURCE_NOT_FOUND = "Resource not found: %s. Name a namespace or service ARN.";
    public static final String NAMESPACE_EXISTS =
            "A namespace named %s already exists (%s); namespace names are unique.";
    public static final String SERVICE_EXISTS = "A service named %s already exists in namespace %s (%s).";
    public static final String NAMESPACE_IN_USE =
            "Namespace %s still has %d service(s); delete them (DeleteService) before deleting the namespace.";
    public static final String SERVICE_IN_USE =
            "Service %s still has %d registered instance(s); deregister them (DeregisterInstance) before deleting"
                    + " the service.";
    public static final String DUPLICATE_CREATOR_REQUEST =
            "CreatorRequestId %s was already used by operation %s with a different request; use a new"
                    + " CreatorRequestId.";
    public static final String NO_CUSTOM_HEALTH =
            "Service %s has no HealthCheckCustomConfig; custom health status can only be set for a service created"
                    + " with one.";
    public static final String VPC_NOT_FOUND = "VPC %s does not exist. Name an existing VPC (DescribeVpcs).";
    public static final String TOO_MANY_TAGS = "A resource can have at most %d tags; this request would leave %d.";
    public static final String NAMESPACE_LIMIT = "You can create at most %d namespaces.";
    public static final String INSTANCE_LIMIT = "A service can have at most %d instances.";
    public static final String INVALID_NEXT_TOKEN =
            "The NextToken is invalid: pass the NextToken of the last response.";

    private CloudMapMessages() {}
}
