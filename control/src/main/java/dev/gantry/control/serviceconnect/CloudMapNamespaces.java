package dev.gantry.control.serviceconnect;

import dev.gantry.core.servicediscovery.Namespace;
import dev.gantry.store.servicediscovery.CloudMapStore;
import java.util.Optional;

/**
 * Service Connect namespaces from Cloud Map's store: a namespace ARN (its id after {@code namespace/}) or a name
 * resolves to the stored namespace's ARN. For the server to wire in place of {@link ImplicitNamespaces} once Cloud
 * Map's API (which creates namespaces) is served.
 */
public final class CloudMapNamespaces implements ServiceConnectNamespaces {
    private final CloudMapStore store;

    public CloudMapNamespaces(CloudMapStore store) {
        this.store = store;
    }

    @Override
    public Optional<String> resolve(String nameOrArn) {
        int slash = nameOrArn.indexOf(":namespace/");
        Optional<Namespace> ns = nameOrArn.startsWith("arn:")
                ? (slash < 0 ? Optional.empty() : store.namespace(nameOrArn.substring(slash + ":namespace/".length())))
                : store.namespaceByName(nameOrArn);
        return ns.filter(n -> !nameOrArn.startsWith("arn:") || n.arn().equals(nameOrArn))
                .map(Namespace::arn);
    }
}
