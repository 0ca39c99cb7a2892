package dev.gantry.core.iam.policy;

import java.util.List;

/**
 * {@code Action} (or, when {@code negated}, {@code NotAction}): patterns such as {@code ecs:Describe*},
 * {@code iam:*} or {@code *}, matched case-insensitively with {@code *} and {@code ?}.
 */
public record ActionElement(List<String> patterns, boolean negated) {
    public ActionElement {
        patterns = List.copyOf(patterns);
        if (patterns.isEmpty()) {
            throw new IllegalArgumentException("an Action element names at least one action");
        }
    }

    /** Whether the statement covers {@code action}: one pattern matches it (for NotAction: none does). */
    public boolean covers(String action) {
        boolean listed = patterns.stream().anyMatch(p -> Glob.matches(GlobPattern.of(p), action, Glob.Mode.ACTION));
        return listed != negated;
    }
}
