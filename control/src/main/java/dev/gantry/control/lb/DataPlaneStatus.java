package dev.gantry.control.lb;

import java.util.Optional;

/**
 * What the data plane can say about listening, for the ELBv2 operations: whether a listener could listen on a port
 * of this host now (CreateListener and ModifyListener refuse a port another program holds), and why a load
 * balancer's listeners do not all listen (DescribeLoadBalancers then reports {@code active_impaired} with the reason).
 */
public interface DataPlaneStatus {

    /**
     * Why {@code listenerArn} could not listen on {@code bindAddress:port} now (another program holds the port), or
     * empty if it could (or already does).
     */
    Optional<String> cannotListen(String listenerArn, String bindAddress, int port);

    /** Why some listener of the load balancer does not listen, or empty when all of them do. */
    Optional<String> impairment(String loadBalancerArn);

    /** No data plane: nothing is known, nothing is refused. */
    DataPlaneStatus NONE = new DataPlaneStatus() {
        @Override
        public Optional<String> cannotListen(String listenerArn, String bindAddress, int port) {
            return Optional.empty();
        }

        @Override
        public Optional<String> impairment(String loadBalancerArn) {
            return Optional.empty();
        }
    };
}
