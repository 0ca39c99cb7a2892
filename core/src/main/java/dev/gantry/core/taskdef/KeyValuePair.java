package dev.gantry.core.taskdef;

import com.fasterxml.jackson.annotation.JsonInclude;

/** ECS's {@code {name, value}} pair, used for environment variables and overrides. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record KeyValuePair(String name, String value) {}
