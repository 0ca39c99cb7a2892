package dev.gantry.store.iam;

import java.time.Instant;
import java.util.Objects;

/** A user's long-term access key ({@code AKIA…}); {@code status} is {@code Active} or {@code Inactive}. */
public record AccessKey(String id, String userName, String secret, String status, Instant created) {
    public AccessKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userName, "userName");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(created, "created");
    }

    public boolean active() {
        return status.equals("Active");
    }

    @Override
    public String toString() {
        return "AccessKey[id=" + id + ", userName=" + userName + ", secret=****, status=" + status + "]";
    }
}
