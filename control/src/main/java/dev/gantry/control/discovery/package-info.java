/**
 * Cloud Map below the wire, the seams other parts use, and ECS service discovery's control loop.
 *
 * <ul>
 *   <li>{@link dev.gantry.control.discovery.CloudMap}: the one writer of namespaces, services, instances and tags
 *       (the servicediscovery API and the ECS registration loop both go through it); each change is recorded as the
 *       operation AWS reports, moved on by {@link dev.gantry.control.discovery.OperationProgress}.
 *   <li>{@link dev.gantry.control.discovery.DiscoveryView} (read seam, implemented by
 *       {@link dev.gantry.control.discovery.StoreDiscoveryView}): the DNS server's feed. {@code snapshot()} gives the
 *       DNS namespaces (name, VPC), their DNS services (name, records and TTLs, routing policy) and instances (ipv4,
 *       ipv6, port, cname, health) as one immutable {@link dev.gantry.control.discovery.DiscoverySnapshot};
 *       {@code onChange(listener)} is called after each committed change, so the DNS data plane rebuilds its
 *       snapshot off its query path and never reads the store while answering.
 *   <li>{@link dev.gantry.control.discovery.DiscoveryRegistrar} (write seam, implemented by {@code CloudMap}): the
 *       ECS registration loop looks a {@code registryArn} up, registers a task with ECS's attributes, sets its
 *       health (following the task's) and deregisters it.
 *   <li>ECS service discovery ({@code serviceRegistries}): {@link dev.gantry.control.discovery.DiscoveryPlanner} is
 *       pure (the service, its tasks, the instances registered for it → register / set health / deregister);
 *       {@link dev.gantry.control.discovery.DiscoveryApplier} carries the plan out through the
 *       {@link dev.gantry.control.discovery.DiscoveryRegistry} seam (over the registrar:
 *       {@link dev.gantry.control.discovery.RegistrarRegistry}); {@link dev.gantry.control.discovery.DiscoveryLoop}
 *       runs them on a reconcile {@code Controller} keyed by service ARN, woken by the task feed and the ECS
 *       handlers and resynced periodically; every pass reads the service and its tasks from the store and the
 *       instances from Cloud Map.
 * </ul>
 */
package dev.gantry.control.discovery;
