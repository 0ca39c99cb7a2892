package dev.gantry.core.taskdef;

import com.fasterxml.jackson.annotation.JsonInclude;

/** ECS's {@code {value, type}}: an S3 object ARN ({@code type} "s3") holding {@code VARIABLE=VALUE} lines. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EnvironmentFile(String value, String type) {}
