/**
 * What ECS injects into a container at start, as pure parsing: a secret's {@code valueFrom} ({@link
 * dev.gantry.core.inject.ValueFrom}: a Secrets Manager secret with its optional JSON key and version, or an SSM
 * parameter), an environment file's S3 location ({@link dev.gantry.core.inject.S3Object}) and contents ({@link
 * dev.gantry.core.inject.EnvFile}), and a private registry's credentials parameter. Fetching the values is the
 * control plane's ({@code control/inject}); nothing here sees a value's source.
 */
package dev.gantry.core.inject;
