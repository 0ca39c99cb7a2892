package dev.gantry.core.ec2;

/**
 * The default VPC exists from the first start, as an account's default VPC does in every region. Its objects have
 * fixed ids, so a README or a script can name them without a look-up: its one default subnet is realised by the
 * engine network tasks have always used (its address range is that network's), and its default security group is
 * the group a task gets when it names none.
 */
public final class DefaultVpc {
    public static final String VPC_ID = "vpc-gantry";
    public static final String SUBNET_ID = "subnet-gantry";
    public static final String SECURITY_GROUP_ID = "sg-gantry";
    /** The default security group's name, in every VPC (AWS's). */
    public static final String SECURITY_GROUP_NAME = "default";
    /**
     * Gantry's well-known group of the host itself (the router, health checks, Service Connect, a user's curl): a
     * rule naming it as a peer admits the gateway address of the task's subnet. It has no members and no rules; every
     * default group admits it, so tasks in a default group are reachable from the host as before.
     */
    public static final String HOST_SECURITY_GROUP_ID = "sg-gantry-host";
    /** The host group's name. */
    public static final String HOST_SECURITY_GROUP_NAME = "gantry-host";

    private DefaultVpc() {}
}
