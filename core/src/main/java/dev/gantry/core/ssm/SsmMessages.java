package dev.gantry.core.ssm;

/** SSM's messages, worded as Parameter Store words them where clients or people read them. Never a value. */
public final class SsmMessages {
    public static final String RESERVED_PREFIX =
            "Parameter name: can't be prefixed with \"aws\" or \"ssm\" (case-insensitive).";
    public static final String BAD_NAME = "Parameter name: can't be prefixed with \"ssm\" (case-insensitive). If formed"
            + " as a path, it can consist of sub-paths divided by slash symbol; each sub-path can be formed as a mix"
            + " of letters, numbers and the following 3 symbols .-_";
    public static final String NOT_FULLY_QUALIFIED = "Parameter name must be a fully qualified name.";
    public static final String HIERARCHY_LIMIT = "A hierarchy can have a maximum of 15 levels. For more information,"
            + " see https://docs.aws.amazon.com/systems-manager/latest/userguide/sysman-paramstore-su-create.html";
    public static final String BAD_PATH = "The parameter doesn't meet the parameter name requirements. The parameter"
            + " name must begin with a forward slash \"/\". It can't be prefixed with \"aws\" or \"ssm\""
            + " (case-insensitive). It must use only letters, numbers, or the following symbols: . (period), -"
            + " (hyphen), _ (underscore). Special characters are not allowed. All sub-paths, if specified, must use"
            + " the forward slash symbol \"/\". Valid example: /get/parameters2-/by1./path0_.";
    public static final String ALREADY_EXISTS =
            "The parameter already exists. To overwrite this value, set the overwrite option in the request to true.";
    public static final String TYPE_REQUIRED = "A parameter type is required when you create a parameter.";
    public static final String TAGS_WITH_OVERWRITE = "Invalid request: tags and overwrite can't be used together. To"
            + " create a parameter with tags, please remove overwrite flag. To update tags for an existing parameter,"
            + " please use AddTagsToResource or RemoveTagsFromResource.";
    public static final String KEY_ID_NOT_SECURE = "KeyId is required for SecureString type parameter only.";
    public static final String STANDARD_TOO_LARGE = "Standard tier parameters support a maximum parameter value of"
            + " 4096 characters. To create a larger parameter value, upgrade the parameter to use the"
            + " advanced-parameter tier. For more information, see"
            + " https://docs.aws.amazon.com/systems-manager/latest/userguide/parameter-store-advanced-parameters.html";
    public static final String ADVANCED_TOO_LARGE =
            "Advanced tier parameters support a maximum parameter value of 8192 characters.";
    public static final String NO_DOWNGRADE = "This parameter uses the advanced-parameter tier. You can't downgrade a"
            + " parameter from the advanced-parameter tier to the standard-parameter tier. If necessary, you can"
            + " delete the advanced parameter and recreate it as a standard parameter.";
    public static final String EMPTY_VALUE = "1 validation error detected: Value '' at 'value' failed to satisfy"
            + " constraint: Member must have length greater than or equal to 1.";
    public static final String LIMIT_EXCEEDED = "You have exceeded the number of parameters for this AWS account."
            + " Delete some parameters and try again.";
    public static final String LABEL_LIMIT = "An error occurred (ParameterVersionLabelLimitExceeded) when calling the"
            + " LabelParameterVersion operation: A parameter version can have maximum 10 labels.Move one or more"
            + " labels to another version and try again.";
    public static final String FILTERS_AND_PARAMETER_FILTERS =
            "You can use either Filters or ParameterFilters in a single request.";
    public static final String INVALID_NEXT_TOKEN = "The nextToken is not valid.";

    private SsmMessages() {}

    public static String notFound(String reference) {
        return "Parameter " + reference + " not found.";
    }

    public static String versionNotFound(String name, String version) {
        return "Systems Manager could not find version " + version + " of " + name
                + ". Verify the version and try again.";
    }

    public static String patternMismatch(String pattern) {
        return "Parameter value, cannot be validated against allowedPattern: " + pattern;
    }

    public static String maxVersions(String name, long oldest) {
        return "You attempted to create a new version of " + name + " by calling the PutParameter API with the"
                + " overwrite flag. Version " + oldest + ", the oldest version, can't be deleted because it has a"
                + " label associated with it. Move the label to another version of the parameter, and try creating"
                + " a new version again.";
    }

    public static String unsupportedDataType(String dataType) {
        return "The following data type is not supported: " + dataType + " (Data type names are all lowercase.)";
    }
}
