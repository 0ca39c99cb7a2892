package dev.gantry.control.network;

/**
 * Told after a committed change that packet filters depend on: a security group's rules, a group created or
 * deleted. Implementations re-plan and apply at once and return without waiting. {@link #NONE} ignores it.
 */
@FunctionalInterface
public interface NetworkChanges {
    NetworkChanges NONE = () -> {};

    void securityGroupsChanged();
}
