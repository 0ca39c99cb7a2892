package dev.gantry.core.task;

/**
 * The task's own network interface (ECS reports it as an ElasticNetworkInterface attachment).
 * {@code status} is PRECREATED, ATTACHED or DELETED.
 */
public record NetworkAttachment(
        String id,
        String status,
        String privateIPv4Address,
        String macAddress,
        String subnetId,
        String networkInterfaceId) {

    public NetworkAttachment withStatus(String newStatus) {
        return new NetworkAttachment(id, newStatus, privateIPv4Address, macAddress, subnetId, networkInterfaceId);
    }
}
