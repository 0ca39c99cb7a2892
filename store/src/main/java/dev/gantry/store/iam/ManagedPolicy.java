package dev.gantry.store.iam;

import java.time.Instant;
import java.util.Objects;

/**
 * A customer-managed policy: one version ({@code v1}, the default) holding {@code document}, the JSON as given.
 */
public record ManagedPolicy(
        String arn, String name, String policyId, String path, String description, String document, Instant created) {
    public ManagedPolicy {
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(policyId, "policyId");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(created, "created");
        description = description == null ? "" : description;
    }
}
