package dev.gantry.core.secret;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A secret's metadata and versions (never its values, which are sealed in the store). {@code deletedAt} is when
 * DeleteSecret scheduled it for deletion and {@code deleteAfter} when it goes for good (the end of the recovery
 * window); both are empty for a secret that is not scheduled for deletion. {@code revision} is the store's
 * compare-and-set counter.
 */
public record Secret(
        String arn,
        String name,
        Optional<String> description,
        Optional<String> kmsKeyId,
        Instant createdAt,
        Instant lastChangedAt,
        Optional<Instant> deletedAt,
        Optional<Instant> deleteAfter,
        Rotation rotation,
        List<SecretTag> tags,
        List<SecretVersion> versions,
        long revision) {

    public Secret {
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(kmsKeyId, "kmsKeyId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(lastChangedAt, "lastChangedAt");
        Objects.requireNonNull(deletedAt, "deletedAt");
        Objects.requireNonNull(deleteAfter, "deleteAfter");
        Objects.requireNonNull(rotation, "rotation");
        tags = List.copyOf(tags);
        versions = versions.stream()
                .sorted(Comparator.comparing(SecretVersion::createdAt).thenComparing(SecretVersion::versionId))
                .toList();
    }

    public boolean scheduledForDeletion() {
        return deletedAt.isPresent();
    }

    public Optional<SecretVersion> version(String versionId) {
        return versions.stream().filter(v -> v.versionId().equals(versionId)).findFirst();
    }

    public Optional<SecretVersion> staged(String stage) {
        return versions.stream().filter(v -> v.has(stage)).findFirst();
    }

    public Secret withVersions(List<SecretVersion> newVersions, Instant changedAt) {
        return new Secret(
                arn,
                name,
                description,
                kmsKeyId,
                createdAt,
                changedAt,
                deletedAt,
                deleteAfter,
                rotation,
                tags,
                newVersions,
                revision);
    }

    public Secret withDetails(Optional<String> newDescription, Optional<String> newKmsKeyId, Instant changedAt) {
        return new Secret(
                arn,
                name,
                newDescription,
                newKmsKeyId,
                createdAt,
                changedAt,
                deletedAt,
                deleteAfter,
                rotation,
                tags,
                versions,
                revision);
    }

    public Secret withDeletion(Optional<Instant> at, Optional<Instant> after) {
        return new Secret(
                arn,
                name,
                description,
                kmsKeyId,
                createdAt,
                lastChangedAt,
                at,
                after,
                rotation,
                tags,
                versions,
                revision);
    }

    public Secret withTags(List<SecretTag> newTags, Instant changedAt) {
        return new Secret(
                arn,
                name,
                description,
                kmsKeyId,
                createdAt,
                changedAt,
                deletedAt,
                deleteAfter,
                rotation,
                newTags,
                versions,
                revision);
    }

    public Secret withRotation(Rotation newRotation) {
        return new Secret(
                arn,
                name,
                description,
                kmsKeyId,
                createdAt,
                lastChangedAt,
                deletedAt,
                deleteAfter,
                newRotation,
                tags,
                versions,
                revision);
    }
}
