/**
 * Cloud Map below the wire, and the seams other parts use.
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
 * </ul>
 */
package dev.gantry.control.discovery;
