package dev.gantry.core.service;

/**
 * Events and rollout reasons of BLUE_GREEN, LINEAR and CANARY deployments. ECS's exact wording for these is not
 * documented (facts §6.4); they follow the service event style of {@link ServiceMessages}.
 */
public final class ShiftMessages {
    private ShiftMessages() {}

    public static String hookRollback(String hookId) {
        return "ECS deployment rolled back at lifecycle hook " + hookId + ".";
    }

    public static String shifted(String service, String deploymentId, int permille) {
        return "(service " + service + ") (deployment " + deploymentId + ") shifted " + (permille / 10.0)
                + "% of production traffic to the new service revision.";
    }

    public static String testTraffic(String service, String deploymentId) {
        return "(service " + service + ") (deployment " + deploymentId + ") test traffic goes to the new service "
                + "revision.";
    }

    public static String awaiting(String service, String deploymentId, String hookId, LifecycleStage stage) {
        return "(service " + service + ") (deployment " + deploymentId + ") paused at " + stage.wireName()
                + ": lifecycle hook " + hookId + " awaits ContinueServiceDeployment.";
    }
}
