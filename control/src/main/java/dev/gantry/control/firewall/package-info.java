/**
 * Security groups enforced as packet filters inside each task's own network namespace. {@link
 * dev.gantry.control.firewall.FirewallPlanner} is pure: task interfaces and security groups in, one iptables-restore
 * ruleset per task out (and who may reach whom, for {@code gantry net}). {@link dev.gantry.control.firewall.Firewall}
 * is the one writer of those rules: it applies a task's ruleset before its containers start (a {@link
 * dev.gantry.control.task.SandboxGuard}) and re-plans and re-applies to every running task on a rule change or a task
 * starting or stopping, through a {@link dev.gantry.control.firewall.NamespaceFilters} applier. ADR 0017 says why the
 * filters live in the task's namespace and never on the host.
 */
package dev.gantry.control.firewall;
