package dev.gantry.cli;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Task ids from ARNs, and resolution of what a user typed (an ARN, an id, or a unique prefix of an id) against
 * the task ARNs a cluster lists. Pure.
 */
final class TaskIds {
    private static final Pattern FULL_ID = Pattern.compile("[0-9a-f]{32}|[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}");

    private TaskIds() {}

    /** The outcome of resolving user input to one task. */
    sealed interface Resolution {
        /** One task; {@code task} is an ARN, or an id the server is left to judge. */
        record Found(String task) implements Resolution {}

        record NotFound(String input) implements Resolution {}

        record Ambiguous(String input, List<String> candidates) implements Resolution {
            public Ambiguous {
                candidates = List.copyOf(candidates);
            }
        }
    }

    /**
     * {@code arn:aws:ecs:r:a:task/cluster/0123...} → {@code 0123...}; an id is returned unchanged. The CLI prints
     * whole ids (32 hex digits), never shortened: ECS's DescribeTasks/StopTask take a task id or ARN but no prefix,
     * so an id copied from {@code gantry ps} must work with {@code aws ecs describe-tasks --tasks}.
     */
    static String id(String taskArnOrId) {
        return taskArnOrId.substring(taskArnOrId.lastIndexOf('/') + 1);
    }

    /**
     * Resolves {@code input} against {@code arns}: an ARN is taken as is; an id or prefix must match exactly one
     * listed task. A complete id that is not listed is still {@link Resolution.Found} (the server may know it).
     */
    static Resolution resolve(List<String> arns, String input) {
        String wanted = input.trim().toLowerCase(java.util.Locale.ROOT);
        if (wanted.isEmpty()) {
            return new Resolution.NotFound(input);
        }
        if (wanted.startsWith("arn:")) {
            return new Resolution.Found(input.trim());
        }
        List<String> matches =
                arns.stream().distinct().filter(a -> id(a).startsWith(wanted)).toList();
        for (String arn : matches) {
            if (id(arn).equals(wanted)) {
                return new Resolution.Found(arn);
            }
        }
        if (matches.size() == 1) {
            return new Resolution.Found(matches.get(0));
        }
        if (matches.isEmpty()) {
            return FULL_ID.matcher(wanted).matches() ? new Resolution.Found(wanted) : new Resolution.NotFound(input);
        }
        return new Resolution.Ambiguous(
                input, matches.stream().map(TaskIds::id).sorted().toList());
    }
}
