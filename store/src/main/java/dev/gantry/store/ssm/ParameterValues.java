package dev.gantry.store.ssm;

import java.util.Optional;

/**
 * The decrypted value of a parameter, for the control plane (a task definition's {@code secrets} whose
 * {@code valueFrom} is an SSM parameter). The reference is a name or an ARN of this region and account, optionally
 * with {@code :version} or {@code :label}. Empty when no such parameter, version or label exists (or the ARN is
 * another region's or account's). A SecureString comes back decrypted, a StringList as its comma-separated text.
 */
@FunctionalInterface
public interface ParameterValues {
    Optional<String> value(String reference);
}
