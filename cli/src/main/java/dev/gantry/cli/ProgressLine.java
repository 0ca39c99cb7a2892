package dev.gantry.cli;

import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * The one-line description of where a task is in its lifecycle, printed whenever it changes while the CLI waits:
 * {@code PROVISIONING}, {@code PENDING — pulling image busybox:latest … 3s}, {@code RUNNING at 172.18.0.5 (ports
 * 8080/tcp)}, {@code STOPPED (EssentialContainerExited)}. Pure.
 */
final class ProgressLine {
    static final String STOPPING = "containers got SIGTERM; SIGKILL follows after their stopTimeout (default 30s)";

    private ProgressLine() {}

    /** @param ports the container ports the task definition maps ({@code 8080/tcp}), shown once RUNNING */
    static String of(Task task, List<String> ports) {
        String status = task.lastStatus() == null ? "UNKNOWN" : task.lastStatus();
        return switch (status) {
            case "RUNNING" -> running(task, ports);
            case "STOPPED" -> task.stopCode() == null ? status : status + " (" + task.stopCodeAsString() + ")";
            case "PENDING" -> task.pullStartedAt() == null ? status : status + " — " + pulling(task);
            case "STOPPING" -> status + " — " + STOPPING;
            default -> status;
        };
    }

    private static String running(Task task, List<String> ports) {
        StringBuilder sb = new StringBuilder("RUNNING");
        TaskFacts.ip(task).ifPresent(ip -> sb.append(" at ").append(ip));
        if (!ports.isEmpty()) {
            sb.append(" (ports ").append(String.join(", ", ports)).append(')');
        }
        return sb.toString();
    }

    private static String pulling(Task task) {
        List<String> images = TaskFacts.images(task);
        String what =
                images.isEmpty() ? "images" : (images.size() == 1 ? "image " : "images ") + String.join(", ", images);
        String line = "pulling " + what + " …";
        if (task.pullStoppedAt() != null) {
            line += " " + Durations.elapsed(Duration.between(task.pullStartedAt(), task.pullStoppedAt()));
        }
        return line;
    }
}
