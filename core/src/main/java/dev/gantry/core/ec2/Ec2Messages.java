package dev.gantry.core.ec2;

/** EC2's error messages, worded as AWS words them where clients or people depend on the wording. */
public final class Ec2Messages {
    private Ec2Messages() {}

    public static final String DRY_RUN = "Request would have succeeded, but DryRun flag is set.";

    public static String missing(String parameter) {
        return "The request must contain the parameter " + parameter;
    }

    public static String vpcNotFound(String id) {
        return "The vpc ID '" + id + "' does not exist";
    }

    public static String subnetNotFound(String id) {
        return "The subnet ID '" + id + "' does not exist";
    }

    public static String groupNotFound(String id) {
        return "The security group '" + id + "' does not exist";
    }

    public static String groupNameNotFound(String name, String vpcId) {
        return "The security group '" + name + "' does not exist in VPC '" + vpcId + "'";
    }

    public static String malformed(String id, String prefix) {
        return "Invalid id: \"" + id + "\" (expecting \"" + prefix + "...\")";
    }

    public static String groupDuplicate(String name, String vpcId) {
        return "The security group '" + name + "' already exists for VPC '" + vpcId + "'";
    }

    public static String invalidCidr(String parameter, String value) {
        return "Value (" + value + ") for parameter " + parameter + " is invalid. This is not a valid CIDR block.";
    }

    public static String vpcRange(String cidr) {
        return "The CIDR '" + cidr + "' is invalid. A VPC's block must be between /16 and /28.";
    }

    public static String subnetRange(String cidr, String vpcCidr) {
        return "The CIDR '" + cidr + "' is invalid. A subnet's block must be between /16 and /28 and inside its VPC's "
                + vpcCidr + ".";
    }

    public static String subnetConflict(String cidr, String otherId, String otherCidr) {
        return "The CIDR '" + cidr + "' conflicts with another subnet: " + otherId + " (" + otherCidr
                + "). On Gantry every subnet is a network on one host, so subnets of different VPCs may not overlap"
                + " either.";
    }

    public static String hasDependencies(String type, String id) {
        return "The " + type + " '" + id + "' has dependencies and cannot be deleted.";
    }

    public static String groupInUse(String id, String by) {
        return "resource " + id + " has a dependent object (" + by + ")";
    }

    public static String cannotDeleteGroup(String id, String name) {
        return "the specified group: \"" + id + "\" name: \"" + name + "\" cannot be deleted by a user";
    }

    public static String permissionDuplicate(String rule) {
        return "the specified rule \"" + rule + "\" already exists";
    }

    public static final String PERMISSION_NOT_FOUND = "The specified rule does not exist in this security group.";

    public static String ruleNotFound(String id) {
        return "The security group rule ID '" + id + "' does not exist";
    }

    public static String invalidFilter(String name) {
        return "The filter '" + name + "' is invalid";
    }

    public static String invalidValue(String parameter, String value, String why) {
        return "Invalid value '" + value + "' for " + parameter + ". " + why;
    }
}
