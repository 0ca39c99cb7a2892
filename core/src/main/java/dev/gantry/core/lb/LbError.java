package dev.gantry.core.lb;

import dev.gantry.core.error.ErrorKind;

/** ELBv2's own error kinds; their wire names are the Query codes botocore's model declares. */
public enum LbError implements ErrorKind {
    LOAD_BALANCER_NOT_FOUND("LoadBalancerNotFound"),
    TARGET_GROUP_NOT_FOUND("TargetGroupNotFound"),
    LISTENER_NOT_FOUND("ListenerNotFound"),
    RULE_NOT_FOUND("RuleNotFound"),
    DUPLICATE_LOAD_BALANCER_NAME("DuplicateLoadBalancerName"),
    DUPLICATE_TARGET_GROUP_NAME("DuplicateTargetGroupName"),
    DUPLICATE_LISTENER("DuplicateListener"),
    DUPLICATE_TAG_KEYS("DuplicateTagKeys"),
    PRIORITY_IN_USE("PriorityInUse"),
    INVALID_TARGET("InvalidTarget"),
    INVALID_CONFIGURATION_REQUEST("InvalidConfigurationRequest"),
    INVALID_LOAD_BALANCER_ACTION("InvalidLoadBalancerAction"),
    INVALID_SCHEME("InvalidScheme"),
    INCOMPATIBLE_PROTOCOLS("IncompatibleProtocols"),
    UNSUPPORTED_PROTOCOL("UnsupportedProtocol"),
    TARGET_GROUP_ASSOCIATION_LIMIT("TargetGroupAssociationLimit"),
    RESOURCE_IN_USE("ResourceInUse"),
    OPERATION_NOT_PERMITTED("OperationNotPermitted"),
    TOO_MANY_ACTIONS("TooManyActions"),
    TOO_MANY_LISTENERS("TooManyListeners"),
    TOO_MANY_LOAD_BALANCERS("TooManyLoadBalancers"),
    TOO_MANY_RULES("TooManyRules"),
    TOO_MANY_TAGS("TooManyTags"),
    TOO_MANY_TARGET_GROUPS("TooManyTargetGroups"),
    TOO_MANY_TARGETS("TooManyTargets"),
    TOO_MANY_REGISTRATIONS_FOR_TARGET_ID("TooManyRegistrationsForTargetId"),
    TOO_MANY_UNIQUE_TARGET_GROUPS_PER_LOAD_BALANCER("TooManyUniqueTargetGroupsPerLoadBalancer");

    private final String wireName;

    LbError(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }
}
