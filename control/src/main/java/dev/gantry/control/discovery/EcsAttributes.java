package dev.gantry.control.discovery;

/** The attributes ECS gives every instance it registers in Cloud Map for a service's task. */
public final class EcsAttributes {
    public static final String IPV4 = "AWS_INSTANCE_IPV4";
    public static final String PORT = "AWS_INSTANCE_PORT";
    public static final String INIT_HEALTH = "AWS_INIT_HEALTH_STATUS";
    public static final String CLUSTER = "ECS_CLUSTER_NAME";
    public static final String SERVICE = "ECS_SERVICE_NAME";
    public static final String FAMILY = "ECS_TASK_DEFINITION_FAMILY";
    public static final String AZ = "AVAILABILITY_ZONE";
    public static final String REGION = "REGION";
    public static final String HEALTHY = "HEALTHY";

    private EcsAttributes() {}
}
