package dev.gantry.core.run;

import com.fasterxml.jackson.annotation.JsonInclude;

/** RunTask's {@code networkConfiguration}; required because every Gantry task uses awsvpc. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NetworkConfiguration(AwsVpcConfiguration awsvpcConfiguration) {}
