package dev.gantry.core.ec2;

import dev.gantry.core.error.ApiException;
import dev.gantry.core.error.ErrorKind;

/**
 * EC2's error kinds with the codes AWS documents for them (EC2's errors are not in botocore's model): all are the
 * caller's fault (HTTP 400) except {@link #UNAVAILABLE}.
 */
public enum Ec2Error implements ErrorKind {
    VPC_NOT_FOUND("InvalidVpcID.NotFound"),
    VPC_ID_MALFORMED("InvalidVpcID.Malformed"),
    SUBNET_NOT_FOUND("InvalidSubnetID.NotFound"),
    SUBNET_ID_MALFORMED("InvalidSubnetID.Malformed"),
    GROUP_NOT_FOUND("InvalidGroup.NotFound"),
    GROUP_ID_MALFORMED("InvalidGroupId.Malformed"),
    GROUP_DUPLICATE("InvalidGroup.Duplicate"),
    GROUP_RESERVED("InvalidGroup.Reserved"),
    PERMISSION_DUPLICATE("InvalidPermission.Duplicate"),
    PERMISSION_NOT_FOUND("InvalidPermission.NotFound"),
    PERMISSION_MALFORMED("InvalidPermission.Malformed"),
    RULE_NOT_FOUND("InvalidSecurityGroupRuleId.NotFound"),
    RULE_ID_MALFORMED("InvalidSecurityGroupRuleId.Malformed"),
    INVALID_PARAMETER_VALUE("InvalidParameterValue"),
    INVALID_PARAMETER_COMBINATION("InvalidParameterCombination"),
    INVALID_PARAMETER("InvalidParameter"),
    MISSING_PARAMETER("MissingParameter"),
    UNKNOWN_PARAMETER("UnknownParameter"),
    VPC_RANGE("InvalidVpc.Range"),
    SUBNET_RANGE("InvalidSubnet.Range"),
    SUBNET_CONFLICT("InvalidSubnet.Conflict"),
    DEPENDENCY_VIOLATION("DependencyViolation"),
    CANNOT_DELETE("CannotDelete"),
    NETWORK_INTERFACE_NOT_FOUND("InvalidNetworkInterfaceID.NotFound"),
    INVALID_ID("InvalidID"),
    INVALID_FILTER("InvalidFilter"),
    INVALID_ZONE("InvalidAvailabilityZone"),
    INVALID_NEXT_TOKEN("InvalidNextToken"),
    TAG_LIMIT_EXCEEDED("TagLimitExceeded"),
    DRY_RUN_OPERATION("DryRunOperation"),
    UNSUPPORTED_OPERATION("UnsupportedOperation"),
    /** The engine could not be reached to realise a subnet; the request may be retried (HTTP 503). */
    UNAVAILABLE("Unavailable");

    private final String wireName;

    Ec2Error(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    /** An exception of this kind. */
    public ApiException error(String message) {
        return new ApiException(this, message);
    }
}
