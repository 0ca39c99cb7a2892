package dev.gantry.store.iam;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** An IAM user: name, unique id ({@code AIDA…}), ARN, path, tags, creation time. */
public record IamUser(String name, String userId, String arn, String path, List<IamTag> tags, Instant created) {
    public IamUser {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(created, "created");
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    public IamUser withTags(List<IamTag> newTags) {
        return new IamUser(name, userId, arn, path, newTags, created);
    }
}
