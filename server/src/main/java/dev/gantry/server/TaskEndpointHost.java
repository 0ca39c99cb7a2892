package dev.gantry.server;

import dev.gantry.api.http.ApiServer;
import dev.gantry.api.taskmeta.EndpointServer;
import dev.gantry.control.endpoint.LiveTasks;
import dev.gantry.control.endpoint.TaskEndpoints;
import dev.gantry.core.arn.Arns;
import dev.gantry.runtime.docker.DockerDriver;
import dev.gantry.runtime.spi.TaskDriver;
import java.net.InetSocketAddress;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the task endpoint where tasks reach it, on every task network: for the default network once the engine
 * started ({@link #open}), for each subnet's network when it is realised ({@link #subnetAdded}, also at start for
 * the subnets that exist) until it is deleted ({@link #subnetRemoved}). On each: the endpoint's listener and a
 * second listener of the AWS API on the network's gateway address (each on a free port), the redirect of
 * 169.254.170.2:80 from the network's range to the first, and AWS_ENDPOINT_URL for new containers of its tasks
 * pointing at the second (a private subnet reaches its own gateway, never another network's). When any of it
 * cannot be set up, Gantry keeps running and says so: tasks then lack the endpoint, nothing else.
 */
final class TaskEndpointHost implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TaskEndpointHost.class);
    static final String UNAVAILABLE =
            "the task endpoint (169.254.170.2: task metadata and role credentials) is NOT available to tasks: ";

    private final TaskEndpoints endpoints;
    private final LiveTasks live;
    private final ApiServer api;
    private final String apiHost;
    private final Arns arns;
    private final InstantSource clock;
    private final String installation;
    private volatile EndpointServer server;
    private volatile TaskEndpointRedirect redirect;
    /** Subnets' networks served, by engine network name. */
    private final Map<String, Served> subnets = new ConcurrentHashMap<>();
    /** The API's extra listeners, by gateway address: kept when a subnet goes (the API cannot unbind one). */
    private final Map<String, Integer> apiPorts = new ConcurrentHashMap<>();

    private record Served(EndpointServer server, TaskEndpointRedirect redirect) {}

    private volatile Optional<String> problem = Optional.of("not started");

    TaskEndpointHost(
            TaskEndpoints endpoints,
            LiveTasks live,
            ApiServer api,
            String apiHost,
            Arns arns,
            InstantSource clock,
            String installation) {
        this.endpoints = endpoints;
        this.live = live;
        this.api = api;
        this.apiHost = apiHost;
        this.arns = arns;
        this.clock = clock;
        this.installation = installation;
    }

    /** Called on the engine starter thread after the driver started; never throws. */
    void open(TaskDriver driver) {
        if (!(driver instanceof DockerDriver docker)) {
            problem = Optional.of("the engine driver runs no tasks on a host network");
            LOG.atWarn()
                    .addKeyValue("driver", driver.getClass().getSimpleName())
                    .log(UNAVAILABLE + problem.get());
            return;
        }
        Optional<DockerDriver.BridgeAddresses> bridge = docker.bridge();
        if (bridge.isEmpty()) {
            fail("the engine's task network has no IPv4 subnet and gateway Gantry could use");
            return;
        }
        DockerDriver.BridgeAddresses b = bridge.get();
        try {
            server = EndpointServer.start(b.gateway(), 0, endpoints, arns, clock);
            endpoints.serving(
                    "http://" + b.gateway() + ":" + apiOnBridge(b.gateway()),
                    new TaskEndpoints.Bridge(b.subnet(), b.gateway()));
            TaskEndpointRedirect.removeStale(installation);
            redirect = TaskEndpointRedirect.install(
                    b.subnet(), b.gateway(), server.address().getPort(), installation);
            problem = Optional.empty();
        } catch (RuntimeException e) {
            fail(e.getMessage() + " (Gantry must run as root with iptables to redirect " + TaskEndpoints.ADDRESS
                    + ":80; `gantry doctor` checks it)");
        }
    }

    /**
     * The API's port on the gateway address: the API's own port, so a restarted Gantry's running tasks keep a valid
     * AWS_ENDPOINT_URL (the API already covers it when it listens on every address); another port only if that one
     * is taken there.
     */
    private int apiOnBridge(String gateway) {
        if (apiHost.equals("0.0.0.0") || apiHost.equals("::") || apiHost.equals(gateway)) {
            return api.port();
        }
        try {
            return api.listenAlso(gateway, api.port()).getPort();
        } catch (IllegalStateException taken) {
            int port = api.listenAlso(gateway, 0).getPort();
            LOG.atWarn()
                    .addKeyValue("gateway", gateway)
                    .addKeyValue("port", port)
                    .log("the API's port is taken on the task network's gateway; tasks reach the API on another port,"
                            + " which changes when Gantry restarts");
            return port;
        }
    }

    /**
     * Serves the subnet network {@code networkName} (range {@code cidr}, host address {@code gateway}); again for
     * one already served replaces it. Never throws: a failure is logged, the subnet's tasks lack the endpoint.
     */
    void subnetAdded(String networkName, String cidr, String gateway) {
        if (problem.isPresent()) {
            return; // not serving at all (already said why)
        }
        subnetRemoved(networkName);
        EndpointServer listener = null;
        try {
            listener = EndpointServer.start(gateway, 0, endpoints, arns, clock);
            int apiPort = apiPorts.computeIfAbsent(gateway, this::apiOnBridge);
            TaskEndpointRedirect rule = TaskEndpointRedirect.install(
                    cidr, gateway, listener.address().getPort(), installation);
            subnets.put(networkName, new Served(listener, rule));
            endpoints.serving(
                    networkName, "http://" + gateway + ":" + apiPort, new TaskEndpoints.Bridge(cidr, gateway));
        } catch (RuntimeException e) {
            if (listener != null) {
                listener.close();
            }
            LOG.atError()
                    .addKeyValue("network", networkName)
                    .addKeyValue("cidr", cidr)
                    .addKeyValue("reason", e.getMessage())
                    .log(UNAVAILABLE + "for the tasks of this subnet");
        }
    }

    /** Stops serving a subnet's network (before it is removed). No-op if not served. */
    void subnetRemoved(String networkName) {
        endpoints.stopServing(networkName);
        Served s = subnets.remove(networkName);
        if (s != null) {
            s.redirect().close();
            s.server().close();
        }
    }

    /** Why tasks cannot reach the endpoint, if they cannot. */
    Optional<String> problem() {
        return problem;
    }

    /** The endpoint listener's own address on the bridge (tasks use 169.254.170.2:80). */
    Optional<InetSocketAddress> address() {
        return Optional.ofNullable(server).map(EndpointServer::address);
    }

    private void fail(String why) {
        problem = Optional.of(why);
        LOG.atError().addKeyValue("reason", why).log(UNAVAILABLE + why);
    }

    @Override
    public void close() {
        subnets.keySet().forEach(this::subnetRemoved);
        TaskEndpointRedirect r = redirect;
        if (r != null) {
            r.close();
        }
        EndpointServer s = server;
        if (s != null) {
            s.close();
        }
        live.close();
    }
}
