/**
 * AWS Systems Manager Parameter Store over AWS JSON 1.1 ({@code X-Amz-Target: AmazonSSM.<Action>}, signing name
 * {@code ssm}): {@link dev.gantry.api.ssm.SsmService} and its handler families. Protocol-free like every service:
 * handlers read the request tree ({@link dev.gantry.api.ssm.SsmInput}), call core's rules and the
 * {@link dev.gantry.store.ssm.ParameterStore}, and render SSM's shapes ({@link dev.gantry.api.ssm.SsmViews}). A
 * SecureString's value is rendered decrypted only when the request says {@code WithDecryption}; otherwise as the
 * base64 of its sealed bytes.
 */
package dev.gantry.api.ssm;
