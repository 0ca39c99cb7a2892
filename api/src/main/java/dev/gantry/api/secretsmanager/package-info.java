/**
 * AWS Secrets Manager (JSON 1.1, target prefix {@code secretsmanager}): the handlers map requests to core's rules
 * ({@code core/secret}) and the {@code SecretStore}, render Secrets Manager's shapes and declare its errors.
 * RotateSecret hands the rotation to the control plane ({@code control/rotation}). Values pass through here in
 * plaintext only on their way in (to be sealed) and out (GetSecretValue, BatchGetSecretValue); nothing here logs one.
 */
package dev.gantry.api.secretsmanager;
