package dev.gantry.server;

import java.io.PrintStream;

/** What Gantry prints at start: where it listens, the credentials, and copy-paste AWS CLI examples. */
final class Banner {
    private Banner() {}

    static void print(PrintStream out, GantryServer server, boolean sample) {
        GantryConfig c = server.config();
        AdminCredentials cred = server.credentials();
        String endpoint = server.endpoint();
        out.println();
        out.println("Gantry is running: ECS and CloudWatch Logs APIs at " + endpoint);
        out.println("  data dir   " + c.dataDir());
        out.println("  region     " + c.region() + "   account " + c.accountId());
        if (cred.createdNow()) {
            out.println("  created admin credentials in "
                    + cred.file().map(Object::toString).orElse("?"));
        }
        out.println();
        out.println("Use it with the AWS CLI (paste into another terminal):");
        out.println("  export AWS_ACCESS_KEY_ID=" + cred.accessKeyId());
        out.println("  export AWS_SECRET_ACCESS_KEY=" + cred.secretAccessKey());
        out.println("  export AWS_DEFAULT_REGION=" + c.region());
        out.println("  aws --endpoint-url " + endpoint + " ecs list-clusters");
        out.println("  aws --endpoint-url " + endpoint + " ecs list-tasks");
        if (sample) {
            out.println("  aws --endpoint-url " + endpoint + " ecs describe-tasks --tasks <task id below>");
            out.println("  aws --endpoint-url " + endpoint + " logs tail /gantry/sample --follow");
        }
        out.println("or with Gantry's own CLI:  ./gantry ps   ./gantry logs -f <task>   ./gantry run <file.json>");
        out.println();
    }
}
