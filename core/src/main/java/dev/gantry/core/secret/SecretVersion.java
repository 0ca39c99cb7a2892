package dev.gantry.core.secret;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/** One version of a secret: its id (a ClientRequestToken), its staging labels and when it was created. */
public record SecretVersion(String versionId, Set<String> stages, Instant createdAt) {
    public SecretVersion {
        Objects.requireNonNull(versionId, "versionId");
        Objects.requireNonNull(createdAt, "createdAt");
        stages = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(stages));
    }

    public boolean has(String stage) {
        return stages.contains(stage);
    }

    public SecretVersion withStages(Set<String> newStages) {
        return new SecretVersion(versionId, newStages, createdAt);
    }
}
