package dev.gantry.store.iam;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An IAM role: name, unique id ({@code AROA…}), ARN, path, trust policy (the JSON document as given), the longest
 * session AssumeRole may ask for, description, tags, creation time.
 */
public record IamRole(
        String name,
        String roleId,
        String arn,
        String path,
        String trustPolicy,
        int maxSessionSeconds,
        String description,
        List<IamTag> tags,
        Instant created) {
    public IamRole {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(roleId, "roleId");
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(trustPolicy, "trustPolicy");
        Objects.requireNonNull(created, "created");
        description = description == null ? "" : description;
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    public IamRole withTags(List<IamTag> newTags) {
        return new IamRole(name, roleId, arn, path, trustPolicy, maxSessionSeconds, description, newTags, created);
    }
}
