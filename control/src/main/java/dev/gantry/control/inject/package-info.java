/**
 * What a task's containers are given at start besides their definition: the values of their {@code secrets}
 * (Secrets Manager secrets, whole or one JSON key, and SSM parameters), their {@code environmentFiles}, and the
 * credentials for pulling a private image ({@code repositoryCredentials}). {@link dev.gantry.control.inject.Injector}
 * resolves them once per task start, before the pull, reading every value as the task's <em>execution role</em>
 * through two seams: {@link dev.gantry.control.inject.SecretSource} (Secrets Manager and SSM Parameter Store, with
 * the role's permission checked by whoever implements it) and {@link dev.gantry.control.inject.ObjectSource} (the
 * S3-shaped place environment files are read from). Resolved values live only in the runner's memory and in the
 * container's environment: never in the store, the logs, a failure reason or DescribeTasks.
 */
package dev.gantry.control.inject;
