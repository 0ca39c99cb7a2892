/**
 * What the control plane reads and announces of EC2 networking: {@link dev.gantry.control.network.NetworkDirectory}
 * (subnets and security groups, from the store) and {@link dev.gantry.control.network.NetworkChanges} (the nudge the
 * EC2 handlers give after a committed change, so enforcement follows within a second).
 */
package dev.gantry.control.network;
