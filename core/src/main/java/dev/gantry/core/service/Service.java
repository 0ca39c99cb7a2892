package dev.gantry.core.service;

import java.util.Objects;

/**
 * A service as stored: its desired half and its status. ACTIVE → DRAINING is DeleteService's decision;
 * DRAINING → INACTIVE is the scheduler's, once the service has no task left.
 */
public record Service(ServiceSpec spec, ServiceStatus status) {
    public Service {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(status, "status");
    }

    public String serviceArn() {
        return spec.serviceArn();
    }

    public String serviceName() {
        return spec.serviceName();
    }

    /** The count the scheduler holds: the desired count while ACTIVE, 0 once the service is being deleted. */
    public int effectiveDesiredCount() {
        return status == ServiceStatus.ACTIVE ? spec.desiredCount() : 0;
    }
}
