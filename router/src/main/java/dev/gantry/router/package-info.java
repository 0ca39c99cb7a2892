/**
 * Gantry's load balancer data plane (ALB- and NLB-like), behind a small API: immutable configuration in
 * ({@link dev.gantry.router.table.RoutingTable} through {@link dev.gantry.router.Router#apply}), observations out
 * ({@link dev.gantry.router.Router#targetHealth()}, {@link dev.gantry.router.Router#onHealthChange}). It never sees
 * the store or the control plane: the control plane translates ELBv2 state into tables (docs/adr/0009).
 */
package dev.gantry.router;
