package dev.gantry.store.ecs;

import dev.gantry.core.service.Service;

/** What {@link ServiceStore#create} did. */
public sealed interface ServiceCreate {
    /** The service and its first deployment were stored. */
    record Created(Service service) implements ServiceCreate {}

    /** The clientToken already created this service in the cluster: nothing was stored. */
    record TokenAlreadyUsed(Service service) implements ServiceCreate {}

    /** An ACTIVE or DRAINING service of that name exists in the cluster: nothing was stored. */
    record NameInUse(Service service) implements ServiceCreate {}
}
