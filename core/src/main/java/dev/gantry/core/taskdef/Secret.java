package dev.gantry.core.taskdef;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * ECS's {@code {name, valueFrom}}: the environment variable {@code name} gets, at container start, the value of the
 * Secrets Manager secret or SSM parameter {@code valueFrom} names (see {@code core/inject/ValueFrom}). Only the
 * reference is stored; the value is never.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Secret(String name, String valueFrom) {}
