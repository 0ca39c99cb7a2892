package dev.gantry.control.iam;

/** IAM's and STS's error messages, worded as AWS words them. */
final class IamMessages {
    private IamMessages() {}

    static String noRole(String name) {
        return "The role with name " + name + " cannot be found.";
    }

    static String noUser(String name) {
        return "The user with name " + name + " cannot be found.";
    }

    static String noPolicy(String arn) {
        return "Policy " + arn + " does not exist or is not attachable.";
    }

    static String noPolicyVersion(String arn, String version) {
        return "Policy " + arn + " version " + version + " does not exist or is not attachable.";
    }

    static String noRolePolicy(String name) {
        return "The role policy with name " + name + " cannot be found.";
    }

    static String noUserPolicy(String name) {
        return "The user policy with name " + name + " cannot be found.";
    }

    static String noAccessKey(String id) {
        return "The Access Key with id " + id + " cannot be found.";
    }

    static String roleExists(String name) {
        return "Role with name " + name + " already exists.";
    }

    static String userExists(String name) {
        return "User with name " + name + " already exists.";
    }

    static String policyExists(String name) {
        return "A policy called " + name + " already exists. Duplicate names are not allowed.";
    }

    static final String DETACH_FIRST = "Cannot delete entity, must detach all policies first.";
    static final String DELETE_POLICIES_FIRST = "Cannot delete entity, must delete policies first.";
    static final String DELETE_KEYS_FIRST = "Cannot delete entity, must delete access keys first.";
    static final String POLICY_ATTACHED = "Cannot delete a policy attached to entities.";
    static final String KEY_QUOTA = "Cannot exceed quota for AccessKeysPerUser: 2";
    static final String NOT_JSON = "This policy contains invalid Json";
    static final String ROLE_NAME_FROM_ARN =
            "The specified value for roleArn is invalid. It must be the ARN of a role.";

    static String maxSession(int seconds) {
        return "1 validation error detected: Value '" + seconds
                + "' at 'maxSessionDuration' failed to satisfy constraint: Member must have value between 3600 and"
                + " 43200";
    }

    static String durationTooLong(int asked, int max) {
        return "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.";
    }

    static String durationTooShort(int asked) {
        return "1 validation error detected: Value '" + asked
                + "' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal"
                + " to 900";
    }

    static String notAuthorized(String principalArn, String action, String resource, boolean explicit) {
        return "User: " + principalArn + " is not authorized to perform: " + action + " on resource: " + resource
                + (explicit
                        ? " with an explicit deny in an identity-based policy"
                        : " because no identity-based policy allows the " + action + " action");
    }

    static String notTrusted(String principalArn, String roleArn) {
        return "User: " + principalArn + " is not authorized to perform: sts:AssumeRole on resource: " + roleArn;
    }

    static String sessionPolicyDenies(String principalArn, String action, String resource) {
        return "User: " + principalArn + " is not authorized to perform: " + action + " on resource: " + resource
                + " because no session policy allows the " + action + " action";
    }
}
