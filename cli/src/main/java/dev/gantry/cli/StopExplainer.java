package dev.gantry.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.ecs.model.Container;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * Why a task stopped, in plain English, from its stop code, stopped reason and containers (SDK {@link Task} in,
 * text out). Pure. Empty when the task has neither a stop code nor a stopped reason.
 */
public final class StopExplainer {
    static final String OOM_PREFIX = "OutOfMemoryError";
    private static final String ESSENTIAL_RULE = "When an essential container exits, ECS stops the whole task.";

    /** Known error prefixes of stoppedReason / container reasons, and what to say about each. */
    private enum KnownError {
        CannotPullContainerError("The image could not be pulled: %s. Check the image name; with no registry"
                + " reachable, build it locally first (docker build -t <image> .)."),
        ResourceInitializationError("The task's resources could not be prepared before its containers started: %s."
                + " Check its logConfiguration, secrets and volumes, and that the container engine is healthy."),
        CannotStartContainerError("A container could not be started: %s. Check its image, command, entryPoint,"
                + " user and workingDirectory."),
        DependencyTimeoutError("A container's dependsOn condition was not met in time: %s. Check the health check"
                + " of the container it waits for, or raise its startTimeout.");

        private final String text;

        KnownError(String text) {
            this.text = text;
        }
    }

    private StopExplainer() {}

    /** Explains without knowing which containers are essential (every stopped container is a candidate). */
    public static Optional<String> explain(Task task) {
        return explain(task, Set.of());
    }

    /** @param essential names of the essential containers (from the task definition); empty when unknown */
    public static Optional<String> explain(Task task, Set<String> essential) {
        String code = task.stopCode() == null ? "" : task.stopCodeAsString();
        String reason = task.stoppedReason() == null ? "" : task.stoppedReason().strip();
        if (code.isEmpty() && reason.isEmpty()) {
            return Optional.empty();
        }
        boolean essentialExit = "EssentialContainerExited".equals(code);
        if ("UserInitiated".equals(code)) {
            return Optional.of("It was stopped by a StopTask call: "
                    + sentence(reason.isEmpty() ? "Task stopped by user" : reason));
        }
        List<Container> oom =
                task.containers().stream().filter(StopExplainer::outOfMemory).toList();
        if (!oom.isEmpty()) {
            return Optional.of(outOfMemory(oom, task) + (essentialExit ? " " + ESSENTIAL_RULE : ""));
        }
        Optional<String> known = knownError(task, reason);
        if (known.isPresent()) {
            return known;
        }
        return Optional.of(
                switch (code) {
                    case "EssentialContainerExited" -> essentialExited(task, essential);
                    case "ServiceSchedulerInitiated" ->
                        "Its service's scheduler stopped it (scale-in, replacement or a" + " failed health check): "
                                + sentence(orCode(reason, code));
                    case "SpotInterruption", "TerminationNotice" ->
                        "Its capacity was reclaimed: " + sentence(orCode(reason, code));
                    default -> reason.isEmpty() ? "It stopped with code " + code + "." : reason;
                });
    }

    static boolean outOfMemory(Container c) {
        return Integer.valueOf(137).equals(c.exitCode())
                && c.reason() != null
                && c.reason().startsWith(OOM_PREFIX);
    }

    private static String outOfMemory(List<Container> oom, Task task) {
        List<String> parts = new ArrayList<>();
        for (Container c : oom) {
            String limit = c.memory() == null || c.memory().isBlank() ? "" : " (now " + c.memory() + " MiB)";
            parts.add("Container " + c.name() + " used more memory than its limit and was killed (OutOfMemoryError)."
                    + " Raise its memory" + limit);
        }
        String taskLimit = task.memory() == null || task.memory().isBlank() ? "" : " (now " + task.memory() + " MiB)";
        return String.join(". ", parts) + " or the task's memory" + taskLimit + " in the task definition.";
    }

    private static Optional<String> knownError(Task task, String stoppedReason) {
        List<String> reasons = new ArrayList<>();
        reasons.add(stoppedReason);
        task.containers().stream()
                .map(Container::reason)
                .filter(r -> r != null && !r.isBlank())
                .forEach(reasons::add);
        for (String r : reasons) {
            for (KnownError e : KnownError.values()) {
                if (r.startsWith(e.name())) {
                    return Optional.of(e.text.formatted(detail(r, e.name())));
                }
            }
        }
        return Optional.empty();
    }

    private static String essentialExited(Task task, Set<String> essential) {
        List<Container> stopped = task.containers().stream()
                .filter(c -> essential.isEmpty() || essential.contains(c.name()))
                .filter(c -> c.exitCode() != null || TaskFacts.STOPPED.equals(c.lastStatus()))
                .toList();
        List<Container> culprits =
                stopped.stream().filter(c -> !stoppedBySignal(c)).toList();
        if (culprits.isEmpty()) {
            culprits = stopped;
        }
        if (culprits.isEmpty()) {
            return "An essential container exited. " + ESSENTIAL_RULE;
        }
        List<String> parts = culprits.stream()
                .map(c -> c.name() + " exited " + exit(c.exitCode()))
                .toList();
        String who = culprits.size() == 1 ? "The essential container " : "The essential containers ";
        return who + String.join("; ", parts) + ". " + ESSENTIAL_RULE;
    }

    private static boolean stoppedBySignal(Container c) {
        return c.exitCode() != null && (c.exitCode() == 143 || c.exitCode() == 137);
    }

    /** An exit code with what it usually means. */
    static String exit(Integer code) {
        if (code == null) {
            return "without an exit code";
        }
        String meaning = switch (code) {
            case 0 -> "it finished normally";
            case 126 -> "its command could not be executed";
            case 127 -> "its command was not found";
            case 137 -> "killed with SIGKILL";
            case 143 -> "terminated with SIGTERM";
            default -> "an error; its logs may say why";
        };
        return "with code " + code + " (" + meaning + ")";
    }

    private static String detail(String reason, String prefix) {
        String d =
                reason.substring(prefix.length()).replaceFirst("^[:\\s]+", "").strip();
        d = d.endsWith(".") ? d.substring(0, d.length() - 1) : d;
        return d.isEmpty() ? "no detail given" : d;
    }

    private static String orCode(String reason, String code) {
        return reason.isEmpty() ? code : reason;
    }

    private static String sentence(String s) {
        return s.endsWith(".") || s.endsWith("!") || s.endsWith("?") ? s : s + ".";
    }
}
