package dev.gantry.control.task;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Identifiers derived deterministically from a task id, so a restarted runner reports the same ones. */
final class Ids {
    private Ids() {}

    static String attachmentId(String taskId) {
        return UUID.nameUUIDFromBytes(("attachment:" + taskId).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    static String eniId(String taskId) {
        return "eni-"
                + UUID.nameUUIDFromBytes(("eni:" + taskId).getBytes(StandardCharsets.UTF_8))
                        .toString()
                        .replace("-", "")
                        .substring(0, 17);
    }
}
