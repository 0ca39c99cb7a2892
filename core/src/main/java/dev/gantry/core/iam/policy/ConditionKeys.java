package dev.gantry.core.iam.policy;

/**
 * Names of the global condition keys the API layer puts in a request's {@link ConditionContext} (and which policy
 * variables such as {@code ${aws:username}} read). Lookup is case-insensitive; these are AWS's spellings.
 */
public final class ConditionKeys {
    public static final String USERNAME = "aws:username";
    public static final String USERID = "aws:userid";
    public static final String PRINCIPAL_ARN = "aws:PrincipalArn";
    public static final String PRINCIPAL_ACCOUNT = "aws:PrincipalAccount";
    public static final String PRINCIPAL_TYPE = "aws:PrincipalType";
    public static final String SOURCE_IP = "aws:SourceIp";
    public static final String SOURCE_ARN = "aws:SourceArn";
    public static final String SOURCE_ACCOUNT = "aws:SourceAccount";
    public static final String CURRENT_TIME = "aws:CurrentTime";
    public static final String EPOCH_TIME = "aws:EpochTime";
    public static final String SECURE_TRANSPORT = "aws:SecureTransport";
    public static final String REQUESTED_REGION = "aws:RequestedRegion";
    public static final String TOKEN_ISSUE_TIME = "aws:TokenIssueTime";
    public static final String MULTI_FACTOR_AUTH_PRESENT = "aws:MultiFactorAuthPresent";
    public static final String TAG_KEYS = "aws:TagKeys";
    public static final String ECS_CLUSTER = "ecs:cluster";

    private ConditionKeys() {}

    /** {@code aws:PrincipalTag/<key>}: a tag on the calling user or role. */
    public static String principalTag(String key) {
        return "aws:PrincipalTag/" + key;
    }

    /** {@code aws:ResourceTag/<key>}: a tag on the resource acted on. */
    public static String resourceTag(String key) {
        return "aws:ResourceTag/" + key;
    }

    /** {@code aws:RequestTag/<key>}: a tag the request sets. */
    public static String requestTag(String key) {
        return "aws:RequestTag/" + key;
    }
}
