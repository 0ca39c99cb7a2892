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

    private DefaultVpc() {}
}
