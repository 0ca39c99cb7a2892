package dev.gantry.core.servicediscovery;

/** What an asynchronous Cloud Map operation does. */
public enum OperationType {
    CREATE_NAMESPACE,
    DELETE_NAMESPACE,
    UPDATE_NAMESPACE,
    UPDATE_SERVICE,
    REGISTER_INSTANCE,
    DEREGISTER_INSTANCE
}
