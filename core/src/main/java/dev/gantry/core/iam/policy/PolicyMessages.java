package dev.gantry.core.iam.policy;

/** IAM's {@code MalformedPolicyDocument} messages, worded as IAM words them where we know the wording. */
final class PolicyMessages {
    static final String SYNTAX = "Syntax errors in policy.";
    static final String BAD_VERSION = "Policy document must be version 2012-10-17 or greater.";
    static final String MISSING_STATEMENT = "Missing required field Statement";
    static final String MISSING_EFFECT = "Missing required field Effect";
    static final String MISSING_ACTION = "Missing required field Action";
    static final String MISSING_RESOURCE = "Missing required field Resource";
    static final String MISSING_PRINCIPAL = "Missing required field Principal";
    static final String PROHIBITED_RESOURCE = "Has prohibited field Resource";
    static final String PROHIBITED_PRINCIPAL = "Policy document should not specify a principal.";
    static final String ACTION_AND_NOT_ACTION = "Statement can not contain both Action and NotAction";
    static final String RESOURCE_AND_NOT_RESOURCE = "Statement can not contain both Resource and NotResource";
    static final String PRINCIPAL_AND_NOT_PRINCIPAL = "Statement can not contain both Principal and NotPrincipal";
    static final String INVALID_EFFECT = "Invalid effect: %s. Effect must be Allow or Deny";
    static final String VENDOR_PREFIX = "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.";
    static final String RESOURCE_FORMAT = "Resource %s must be in ARN format or \"*\".";
    static final String INVALID_PRINCIPAL = "Invalid principal in policy: %s";
    static final String UNKNOWN_FIELD = "Syntax errors in policy. Unknown field %s";
    static final String INVALID_CONDITION_TYPE = "Invalid Condition type : %s";
    static final String SID_NOT_UNIQUE = "Statement IDs (SID) in a single policy must be unique.";
    static final String SID_FORMAT =
            "Statement IDs (SID) must be alpha-numeric. Check that your input satisfies the regular expression "
                    + "[0-9A-Za-z]*";
    static final String EMPTY_ELEMENT = "Syntax errors in policy. %s must not be empty";
    static final String INVALID_CONDITION_VALUE =
            "Syntax errors in policy. Invalid value for condition operator %s: '%s'";
    /** A hard safety cap well above IAM's quotas (whose refusal, "Cannot exceed quota for PolicySize", is the API's). */
    static final String TOO_LARGE = "Syntax errors in policy. A policy document cannot exceed %d characters";

    private PolicyMessages() {}
}
