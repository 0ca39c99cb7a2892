/**
 * AWS Cloud Map (servicediscovery), pure: namespaces ({@link dev.gantry.core.servicediscovery.Namespace}: DNS
 * private with a VPC, DNS public, HTTP), services ({@link dev.gantry.core.servicediscovery.DiscoveryService}: DNS
 * records and TTLs, routing policy, health checking), registered instances with their attributes and health,
 * asynchronous operations ({@link dev.gantry.core.servicediscovery.Operation}: SUBMITTED → PENDING → SUCCESS),
 * the rules of what a request may ask ({@link dev.gantry.core.servicediscovery.CloudMapRules}), the List filters,
 * DiscoverInstances' selection ({@link dev.gantry.core.servicediscovery.Discovery}), ids and ARNs
 * ({@link dev.gantry.core.servicediscovery.CloudMapIds}, from an injected id source) and the error kinds and
 * messages ({@link dev.gantry.core.servicediscovery.CloudMapError}, {@link
 * dev.gantry.core.servicediscovery.CloudMapMessages}).
 */
package dev.gantry.core.servicediscovery;
