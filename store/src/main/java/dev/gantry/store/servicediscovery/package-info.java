/**
 * AWS Cloud Map in SQLite (migration V12): {@link dev.gantry.store.servicediscovery.CloudMapStore} keeps namespaces,
 * services, registered instances (attributes, health, the per-service revision), asynchronous operations and tags,
 * and makes the checks that depend on what is stored (names taken, resources in use, CreatorRequestId repeats,
 * quotas) in the transaction that writes.
 */
package dev.gantry.store.servicediscovery;
