package dev.gantry.core.taskdef;

import com.fasterxml.jackson.annotation.JsonInclude;

/** ECS's private-registry credentials: the ARN or name of a Secrets Manager secret holding username and password. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RepositoryCredentials(String credentialsParameter) {}
