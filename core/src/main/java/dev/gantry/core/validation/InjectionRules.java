package dev.gantry.core.validation;

import dev.gantry.core.inject.S3Object;
import dev.gantry.core.inject.ValueFrom;
import dev.gantry.core.taskdef.ContainerDefinition;
import dev.gantry.core.taskdef.EnvironmentFile;
import dev.gantry.core.taskdef.Secret;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a container has injected at start: {@code secrets} (each {@code valueFrom} must parse, see
 * {@link ValueFrom}), {@code environmentFiles} (at most 10, type {@code s3}, an S3 object ARN) and
 * {@code repositoryCredentials}; and, across the task, the execution role that secrets and registry credentials
 * need, refused with ECS's own words when it is missing.
 */
final class InjectionRules {
    static final int MAX_ENVIRONMENT_FILES = 10;
    static final String SECRETS_NEED_EXECUTION_ROLE =
            "When you are specifying container secrets, you must also specify a value for 'executionRoleArn'.";
    static final String REGISTRY_AUTH_NEEDS_EXECUTION_ROLE =
            "Private repository authentication requires that the task definition specify a value for "
                    + "executionRoleArn.";

    private InjectionRules() {}

    static void validate(ContainerDefinition c) {
        String name = c.name();
        Set<String> seen = new HashSet<>();
        for (Secret s : c.secretsOrEmpty()) {
            if (s == null || s.name() == null || s.name().isEmpty()) {
                throw Problems.container(
                        name,
                        "Every 'secrets' entry needs a non-empty 'name': the environment "
                                + "variable the value is put in.");
            }
            if (!seen.add(s.name())) {
                throw Problems.container(name, "Secret '" + s.name() + "' is given more than once.");
            }
            try {
                ValueFrom.parse(s.valueFrom());
            } catch (IllegalArgumentException e) {
                throw Problems.container(name, "Secret '" + s.name() + "': " + e.getMessage());
            }
        }
        List<EnvironmentFile> files = c.environmentFilesOrEmpty();
        if (files.size() > MAX_ENVIRONMENT_FILES) {
            throw Problems.container(
                    name,
                    "Too many environment files: at most " + MAX_ENVIRONMENT_FILES + " may be given, but "
                            + files.size() + " were.");
        }
        for (EnvironmentFile f : files) {
            if (f == null || !"s3".equals(f.type())) {
                throw Problems.container(
                        name,
                        "Invalid environment file type '" + (f == null ? null : f.type())
                                + "'. The only supported type is 's3'.");
            }
            try {
                S3Object.parse(f.value());
            } catch (IllegalArgumentException e) {
                throw Problems.container(name, "Environment file: " + e.getMessage());
            }
        }
        if (c.repositoryCredentials() != null) {
            try {
                ValueFrom.credentialsParameter(c.repositoryCredentials().credentialsParameter());
            } catch (IllegalArgumentException e) {
                throw Problems.container(name, "repositoryCredentials: " + e.getMessage());
            }
        }
    }

    /** Secrets and registry credentials are fetched with the execution role, so the task needs one. */
    static void executionRole(List<ContainerDefinition> containers, String executionRoleArn) {
        if (executionRoleArn != null && !executionRoleArn.isEmpty()) {
            return;
        }
        for (ContainerDefinition c : containers) {
            if (!c.secretsOrEmpty().isEmpty()) {
                throw Problems.task(SECRETS_NEED_EXECUTION_ROLE);
            }
        }
        for (ContainerDefinition c : containers) {
            if (c.repositoryCredentials() != null) {
                throw Problems.task(REGISTRY_AUTH_NEEDS_EXECUTION_ROLE);
            }
        }
    }
}
