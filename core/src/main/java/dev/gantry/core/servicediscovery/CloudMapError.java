package dev.gantry.core.servicediscovery;

import dev.gantry.core.error.ApiException;
import dev.gantry.core.error.ErrorKind;

/** Cloud Map's error kinds, named as botocore's model (servicediscovery 2017-03-14) names them; all 400 sender faults. */
public enum CloudMapError implements ErrorKind {
    INVALID_INPUT("InvalidInput"),
    NAMESPACE_NOT_FOUND("NamespaceNotFound"),
    SERVICE_NOT_FOUND("ServiceNotFound"),
    INSTANCE_NOT_FOUND("InstanceNotFound"),
    OPERATION_NOT_FOUND("OperationNotFound"),
    NAMESPACE_ALREADY_EXISTS("NamespaceAlreadyExists"),
    SERVICE_ALREADY_EXISTS("ServiceAlreadyExists"),
    RESOURCE_IN_USE("ResourceInUse"),
    DUPLICATE_REQUEST("DuplicateRequest"),
    CUSTOM_HEALTH_NOT_FOUND("CustomHealthNotFound"),
    RESOURCE_LIMIT_EXCEEDED("ResourceLimitExceeded"),
    TOO_MANY_TAGS("TooManyTagsException"),
    RESOURCE_NOT_FOUND("ResourceNotFoundException");

    private final String wireName;

    CloudMapError(String wireName) {
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

    /** InvalidInput with {@code message}. */
    public static ApiException invalid(String message) {
        return INVALID_INPUT.error(message);
    }
}
