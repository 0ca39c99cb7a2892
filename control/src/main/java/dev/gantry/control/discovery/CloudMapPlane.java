package dev.gantry.control.discovery;

import dev.gantry.control.network.NetworkDirectory;
import dev.gantry.core.servicediscovery.CloudMapIds;
import dev.gantry.store.servicediscovery.CloudMapStore;
import java.time.InstantSource;

/**
 * Cloud Map's control plane as the server wires it: the one writer ({@link CloudMap}, also the
 * {@link DiscoveryRegistrar}), the read seam for DNS ({@link DiscoveryView}) and the operations' background step.
 */
public final class CloudMapPlane implements AutoCloseable {
    private final CloudMap cloudMap;
    private final StoreDiscoveryView view;
    private final OperationProgress progress;

    private CloudMapPlane(CloudMap cloudMap, StoreDiscoveryView view, OperationProgress progress) {
        this.cloudMap = cloudMap;
        this.view = view;
        this.progress = progress;
    }

    /** Wires Cloud Map over {@code store}; operations left open by a previous process are finished. */
    public static CloudMapPlane create(
            CloudMapStore store, CloudMapIds ids, NetworkDirectory network, InstantSource clock) {
        StoreDiscoveryView view = new StoreDiscoveryView(store);
        OperationProgress progress = new OperationProgress(store, clock);
        CloudMap cloudMap = new CloudMap(store, ids, network, clock, progress, view);
        progress.start();
        return new CloudMapPlane(cloudMap, view, progress);
    }

    public CloudMap cloudMap() {
        return cloudMap;
    }

    public DiscoveryView view() {
        return view;
    }

    public DiscoveryRegistrar registrar() {
        return cloudMap;
    }

    @Override
    public void close() {
        progress.close();
    }
}
