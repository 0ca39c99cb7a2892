/**
 * The router's live state behind the immutable table: one {@link dev.gantry.router.state.GroupState} per target
 * group (its targets, their health, draining, the arrays the hot path picks from) and the compiled
 * {@link dev.gantry.router.state.Snapshot} of a routing table that a request reads once, at its start. Writers
 * (apply, probe results, drain timers) take the group's lock briefly; the request path only reads volatile arrays.
 */
package dev.gantry.router.state;
