package dev.gantry.core.secret;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How staging labels move between a secret's versions, as Secrets Manager moves them. A label is on at most one
 * version. Moving AWSCURRENT to another version moves AWSPREVIOUS to the version that had AWSCURRENT. A version
 * carries at most {@value #MAX_STAGES_PER_VERSION} labels; versions with no label beyond the newest
 * {@value #MAX_UNLABELLED} unlabelled ones are dropped (AWS deprecates them).
 */
public final class VersionStages {
    public static final String CURRENT = "AWSCURRENT";
    public static final String PREVIOUS = "AWSPREVIOUS";
    public static final String PENDING = "AWSPENDING";
    public static final int MAX_STAGES_PER_VERSION = 20;
    public static final int MAX_STAGE_LENGTH = 256;
    static final int MAX_UNLABELLED = 100;

    private VersionStages() {}

    /** The versions after a new version {@code versionId} is added with {@code stages}. */
    public static List<SecretVersion> afterPut(
            List<SecretVersion> versions, String versionId, Set<String> stages, Instant at) {
        checkCount(stages);
        List<SecretVersion> out = new ArrayList<>(versions);
        out.add(new SecretVersion(versionId, Set.of(), at));
        for (String stage : stages) {
            out = attach(out, stage, versionId);
        }
        return prune(out);
    }

    /**
     * UpdateSecretVersionStage: moves {@code stage} to {@code moveTo} (from {@code removeFrom}, which must be the
     * version that has it, if one has), or removes it from {@code removeFrom}.
     */
    public static List<SecretVersion> move(
            List<SecretVersion> versions, String stage, Optional<String> moveTo, Optional<String> removeFrom) {
        Optional<SecretVersion> holder =
                versions.stream().filter(v -> v.has(stage)).findFirst();
        for (String id : moveTo.stream().toList()) {
            find(versions, id);
        }
        for (String id : removeFrom.stream().toList()) {
            SecretVersion from = find(versions, id);
            if (!from.has(stage)) {
                throw SecretMessages.invalidParameter("The staging label " + stage + " is not attached to version "
                        + id + "; RemoveFromVersionId must name the version that has it"
                        + holder.map(h -> " (" + h.versionId() + ")").orElse(" (none has it)") + ".");
            }
        }
        if (moveTo.isEmpty()) {
            if (removeFrom.isEmpty()) {
                throw SecretMessages.invalidParameter(
                        "Give MoveToVersionId, RemoveFromVersionId or both to say where " + stage + " goes.");
            }
            if (stage.equals(CURRENT)) {
                throw SecretMessages.invalidParameter("You can't remove the staging label AWSCURRENT from a version;"
                        + " move it to another version with MoveToVersionId instead.");
            }
            return detach(versions, stage);
        }
        if (holder.isPresent() && !holder.get().versionId().equals(moveTo.get()) && removeFrom.isEmpty()) {
            throw SecretMessages.invalidParameter("The parameter RemoveFromVersionId must be specified because the "
                    + "staging label " + stage + " is currently attached to version "
                    + holder.get().versionId()
                    + ".");
        }
        List<SecretVersion> out = attach(versions, stage, moveTo.get());
        checkCount(find(out, moveTo.get()).stages());
        return prune(out);
    }

    /** {@code versions} with {@code stage} on {@code versionId} only; AWSCURRENT drags AWSPREVIOUS along. */
    static List<SecretVersion> attach(List<SecretVersion> versions, String stage, String versionId) {
        Optional<SecretVersion> before =
                versions.stream().filter(v -> v.has(stage)).findFirst();
        if (before.isPresent() && before.get().versionId().equals(versionId)) {
            return versions;
        }
        List<SecretVersion> out = detach(versions, stage);
        if (stage.equals(CURRENT) && before.isPresent()) {
            out = detach(out, PREVIOUS);
            out = with(out, before.get().versionId(), PREVIOUS);
        }
        return with(out, versionId, stage);
    }

    private static List<SecretVersion> with(List<SecretVersion> versions, String versionId, String stage) {
        return versions.stream()
                .map(v -> {
                    if (!v.versionId().equals(versionId)) {
                        return v;
                    }
                    Set<String> s = new HashSet<>(v.stages());
                    s.add(stage);
                    return v.withStages(s);
                })
                .toList();
    }

    private static List<SecretVersion> detach(List<SecretVersion> versions, String stage) {
        return versions.stream()
                .map(v -> {
                    if (!v.has(stage)) {
                        return v;
                    }
                    Set<String> s = new HashSet<>(v.stages());
                    s.remove(stage);
                    return v.withStages(s);
                })
                .toList();
    }

    private static SecretVersion find(List<SecretVersion> versions, String id) {
        return versions.stream()
                .filter(v -> v.versionId().equals(id))
                .findFirst()
                .orElseThrow(() -> SecretMessages.invalidParameter("The secret has no version " + id
                        + "; ListSecretVersionIds or DescribeSecret shows its " + "versions."));
    }

    /** The stages of one request: 1-20 labels of 1-256 characters. */
    public static void checkCount(Set<String> stages) {
        if (stages.size() > MAX_STAGES_PER_VERSION) {
            throw SecretMessages.limit("A version can have at most " + MAX_STAGES_PER_VERSION
                    + " staging labels; this one would have " + stages.size() + ". Remove some labels first.");
        }
        for (String s : stages) {
            if (s.isEmpty() || s.length() > MAX_STAGE_LENGTH) {
                throw SecretMessages.invalidParameter("A staging label has 1 to " + MAX_STAGE_LENGTH + " characters; '"
                        + SecretNames.abbreviate(s) + "' has " + s.length() + ".");
            }
        }
    }

    /** Drops the oldest versions that carry no label beyond the newest {@value #MAX_UNLABELLED}. */
    static List<SecretVersion> prune(List<SecretVersion> versions) {
        long unlabelled = versions.stream().filter(v -> v.stages().isEmpty()).count();
        if (unlabelled <= MAX_UNLABELLED) {
            return versions;
        }
        List<SecretVersion> sorted = new ArrayList<>(versions);
        sorted.sort(java.util.Comparator.comparing(SecretVersion::createdAt));
        long drop = unlabelled - MAX_UNLABELLED;
        List<SecretVersion> out = new ArrayList<>();
        for (SecretVersion v : sorted) {
            if (drop > 0 && v.stages().isEmpty()) {
                drop--;
            } else {
                out.add(v);
            }
        }
        return out;
    }
}
