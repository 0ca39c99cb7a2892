package dev.gantry.runtime.spi;

/**
 * Credentials for pulling from a private registry (basic auth), as a task's execution role read them. Never
 * logged: {@link #toString()} hides the password.
 */
public record RegistryAuth(String username, String password) {
    public RegistryAuth {
        if (username == null || username.isEmpty()) {
            throw new IllegalArgumentException("username is required");
        }
        if (password == null) {
            throw new IllegalArgumentException("password is required");
        }
    }

    @Override
    public String toString() {
        return "RegistryAuth[username=" + username + ", password=****]";
    }
}
