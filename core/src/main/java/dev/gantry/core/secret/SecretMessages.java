package dev.gantry.core.secret;

import dev.gantry.core.error.ApiException;
import dev.gantry.core.error.ErrorCode;

/** Secrets Manager's error messages, worded as AWS words them where clients show them, and their exceptions. */
public final class SecretMessages {
    public static final String NOT_FOUND = "Secrets Manager can't find the specified secret.";
    public static final String MARKED_FOR_DELETION =
            "You can't perform this operation on the secret because it was marked for deletion.";
    public static final String NAME_SCHEDULED_FOR_DELETION =
            "You can't create this secret because a secret with this name is already scheduled for deletion. "
                    + "Restore it with RestoreSecret, or choose another name.";
    public static final String BOTH_VALUES =
            "You can't specify both a binary secret value and a string secret value in the same secret.";
    public static final String VERSION_EXISTS =
            "You can't modify an existing version, you can only create a new version. Use a new ClientRequestToken "
                    + "for a different value.";
    public static final String FORCE_AND_WINDOW =
            "You can't use ForceDeleteWithoutRecovery in conjunction with RecoveryWindowInDays.";
    public static final String NO_VALUE_FOR_STAGES = "You must provide either SecretString or SecretBinary.";
    public static final String REPLICAS_UNSUPPORTED =
            "Gantry runs in one region and does not replicate secrets; remove AddReplicaRegions.";

    private SecretMessages() {}

    public static ApiException notFound() {
        return ApiException.resourceNotFound(NOT_FOUND);
    }

    public static ApiException versionNotFound(String what, String id) {
        return ApiException.resourceNotFound(
                "Secrets Manager can't find the specified secret value for " + what + ": " + id);
    }

    public static ApiException markedForDeletion() {
        return invalidRequest(MARKED_FOR_DELETION);
    }

    public static ApiException invalidRequest(String message) {
        return new ApiException(SecretErrorKind.INVALID_REQUEST, message);
    }

    public static ApiException invalidParameter(String message) {
        return new ApiException(ErrorCode.INVALID_PARAMETER, message);
    }

    public static ApiException exists(String message) {
        return new ApiException(SecretErrorKind.RESOURCE_EXISTS, message);
    }

    public static ApiException limit(String message) {
        return new ApiException(SecretErrorKind.LIMIT_EXCEEDED, message);
    }

    public static ApiException alreadyExists(String name) {
        return exists("The operation failed because the secret " + name + " already exists.");
    }
}
