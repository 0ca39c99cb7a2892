package dev.gantry.api.protocol;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One AWS service spoken over the JSON 1.1 protocol: {@code POST /} with {@code X-Amz-Target: <prefix>.<Operation>}.
 * The HTTP layer verifies the signature, parses the body, and turns a thrown
 * {@link dev.gantry.core.error.ApiException} into AWS's error shape; handlers only map input to output.
 */
public interface AwsJsonService {

    /** The X-Amz-Target prefix, e.g. {@code AmazonEC2ContainerServiceV20141113}. */
    String targetPrefix();

    /** The SigV4 signing name (credential scope service), e.g. {@code ecs}. */
    String signingName();

    /**
     * Handles one operation. Returns the response body (an empty object when the operation has no output).
     * Throws ApiException with UNKNOWN_OPERATION for operations the service does not know.
     */
    JsonNode handle(String operation, JsonNode input, RequestContext context);
}
