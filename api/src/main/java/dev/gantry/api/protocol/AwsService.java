package dev.gantry.api.protocol;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One AWS service, independent of the wire protocol it is spoken in. A handler receives the request's members
 * as a JSON tree (decoded by the protocol's codec: a JSON body as is, a Query form's dotted names such as
 * {@code Tags.member.1.Key} as nested objects and lists) and returns its output members as a JSON tree, which the
 * codec renders (JSON body, or XML for the Query protocols). Errors are thrown as
 * {@link dev.gantry.core.error.ApiException} and rendered by the codec with {@link #errors()}.
 *
 * <p>How requests reach a service is its {@link #binding()}: an {@code X-Amz-Target} prefix for the JSON
 * protocols, an API version and XML namespace for the Query protocols.
 */
public interface AwsService {

    /** The SigV4 signing name (credential scope service), e.g. {@code ecs}, {@code sts}. */
    String signingName();

    /** How this service is addressed on the wire. */
    ServiceBinding binding();

    /** This service's own error definitions (from botocore's model); the protocol's common ones back them. */
    default ErrorTable errors() {
        return ErrorTable.EMPTY;
    }

    /**
     * The service's botocore model, for protocols whose requests carry no types (Query): the codec coerces and
     * checks the input against it. Empty for services spoken in JSON, or whose input is all strings (STS).
     */
    default java.util.Optional<ServiceModel> model() {
        return java.util.Optional.empty();
    }

    /** The operations this service implements (for Query dispatch without a signature, and the compat matrix). */
    default java.util.Set<String> operationNames() {
        return java.util.Set.of();
    }

    /**
     * The service prefix of this service's IAM actions ({@code ecs:RunTask}, {@code elasticloadbalancing:…}); the
     * signing name unless a service says otherwise.
     */
    default String iamPrefix() {
        return signingName();
    }

    /**
     * What {@code operation} called with {@code input} acts on, for authorization (checked before {@link #handle}
     * by the codec, for every service alike). {@link AccessTarget#ANY} unless the service names resources.
     */
    default AccessTarget accessTarget(String operation, JsonNode input) {
        return AccessTarget.ANY;
    }

    /**
     * As {@link #accessTarget(String, JsonNode)}, knowing the caller's principal ARN: for calls whose target is the
     * caller itself when the input names nothing (IAM GetUser, CreateAccessKey without UserName).
     */
    default AccessTarget accessTarget(String operation, JsonNode input, String principalArn) {
        return accessTarget(operation, input);
    }

    /** Operations every authenticated caller may call whatever the policies say (STS GetCallerIdentity). */
    default boolean alwaysAllowed(String operation) {
        return false;
    }

    /**
     * Handles one operation. Returns the output members (an empty object when the operation has none).
     * Throws ApiException with UNKNOWN_OPERATION for operations the service does not know.
     */
    JsonNode handle(String operation, JsonNode input, RequestContext context);
}
