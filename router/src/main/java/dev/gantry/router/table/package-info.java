/**
 * The router's configuration: an immutable {@link dev.gantry.router.table.RoutingTable} of listeners, rules,
 * actions and target groups, in ELBv2's terms but free of its wire shapes. The control plane translates ELBv2 state
 * into one and hands it to {@link dev.gantry.router.Router#apply}; every record validates itself, so a table that
 * exists is one the router can run.
 */
package dev.gantry.router.table;
