package dev.gantry.core.ssm;

import dev.gantry.core.error.ApiException;
import dev.gantry.core.error.ErrorKind;

/** SSM Parameter Store's error kinds, named as botocore's model names them (all 400 sender faults). */
public enum SsmError implements ErrorKind {
    VALIDATION("ValidationException"),
    PARAMETER_NOT_FOUND("ParameterNotFound"),
    PARAMETER_ALREADY_EXISTS("ParameterAlreadyExists"),
    PARAMETER_VERSION_NOT_FOUND("ParameterVersionNotFound"),
    PARAMETER_VERSION_LABEL_LIMIT_EXCEEDED("ParameterVersionLabelLimitExceeded"),
    PARAMETER_LIMIT_EXCEEDED("ParameterLimitExceeded"),
    PARAMETER_MAX_VERSION_LIMIT_EXCEEDED("ParameterMaxVersionLimitExceeded"),
    HIERARCHY_LEVEL_LIMIT_EXCEEDED("HierarchyLevelLimitExceededException"),
    INVALID_ALLOWED_PATTERN("InvalidAllowedPatternException"),
    PARAMETER_PATTERN_MISMATCH("ParameterPatternMismatchException"),
    INVALID_FILTER_KEY("InvalidFilterKey"),
    INVALID_FILTER_OPTION("InvalidFilterOption"),
    INVALID_FILTER_VALUE("InvalidFilterValue"),
    INVALID_NEXT_TOKEN("InvalidNextToken"),
    INVALID_RESOURCE_ID("InvalidResourceId"),
    INVALID_RESOURCE_TYPE("InvalidResourceType"),
    TOO_MANY_TAGS("TooManyTagsError");

    private final String wireName;

    SsmError(String wireName) {
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

    /** AWS's model-validation wording: "1 validation error detected: Value 'x' at 'member' failed to satisfy ...". */
    public static ApiException invalid(Object shownValue, String member, String constraint) {
        String shown = shownValue == null ? "null" : "'" + shownValue + "'";
        return VALIDATION.error("1 validation error detected: Value " + shown + " at '" + member
                + "' failed to satisfy constraint: " + constraint);
    }
}
