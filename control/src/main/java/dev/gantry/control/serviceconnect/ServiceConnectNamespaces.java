package dev.gantry.control.serviceconnect;

import java.util.Optional;

/**
 * Where CreateService/UpdateService resolve {@code serviceConnectConfiguration.namespace} (a Cloud Map namespace's
 * name or ARN) to the namespace's ARN. Empty: no such namespace. The Cloud Map slice's store implements it; until
 * then {@link ImplicitNamespaces} stands in.
 */
public interface ServiceConnectNamespaces {

    /** The namespace's ARN, if {@code nameOrArn} names one. */
    Optional<String> resolve(String nameOrArn);
}
