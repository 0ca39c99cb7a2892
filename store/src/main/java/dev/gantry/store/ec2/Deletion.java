package dev.gantry.store.ec2;

import java.util.Optional;

/** What a delete did: nothing when the object was not there, nothing when {@code blockedBy} names what uses it. */
public record Deletion(boolean found, Optional<String> blockedBy) {
    public static final Deletion DELETED = new Deletion(true, Optional.empty());
    public static final Deletion NOT_FOUND = new Deletion(false, Optional.empty());

    public static Deletion blocked(String by) {
        return new Deletion(true, Optional.of(by));
    }

    public boolean deleted() {
        return found && blockedBy.isEmpty();
    }
}
