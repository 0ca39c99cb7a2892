package dev.gantry.control.network;

import dev.gantry.core.ec2.Subnet;

/**
 * Realises subnets on the engine: {@link #create} makes (or finds) the engine network named
 * {@link Subnet#networkName()} with exactly the subnet's range, {@link #remove} removes it. Called by CreateSubnet
 * before the subnet is committed (so a range the engine cannot have is refused) and by DeleteSubnet after.
 */
public interface SubnetNetworks {

    /** Thrown when the engine cannot have the range (it overlaps a network on this machine, say); says which. */
    final class Conflict extends RuntimeException {
        public Conflict(String message) {
            super(message);
        }
    }

    /** Thrown when the engine cannot be reached or fails otherwise; the request may be retried. */
    final class Unavailable extends RuntimeException {
        public Unavailable(String message) {
            super(message);
        }
    }

    void create(Subnet subnet);

    /** Removes the subnet's network; no-op when it is gone. */
    void remove(Subnet subnet);

    /** Refuses every change, saying the engine is not available: for wiring without an engine. */
    SubnetNetworks UNAVAILABLE = new SubnetNetworks() {
        @Override
        public void create(Subnet subnet) {
            throw new Unavailable("the container engine is not available to create the subnet's network");
        }

        @Override
        public void remove(Subnet subnet) {}
    };
}
