package dev.gantry.store.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals and opens values with envelope encryption: a fresh random AES-256 data key per value encrypts the value
 * (AES-GCM), and the master key wraps the data key (AES-GCM). The {@code context} — say, a secret's ARN and version
 * id — is bound to both as additional authenticated data, so a sealed value copied onto another row does not open.
 *
 * <p>Layout of a sealed value: {@code version(1) | master key id(4) | wrap nonce(12) | wrapped data key(32+16) |
 * data nonce(12) | ciphertext + tag(16)}. Thread-safe; stores no plaintext.
 */
public final class Envelope {

    static final byte VERSION = 1;
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;
    private static final int WRAPPED_KEY = MasterKey.LENGTH + TAG_BITS / 8;
    private static final int HEADER = 1 + 4 + NONCE + WRAPPED_KEY + NONCE;
    private static final String AES_GCM = "AES/GCM/NoPadding";

    private final MasterKey masterKey;
    private final SecureRandom random = new SecureRandom();

    public Envelope(MasterKey masterKey) {
        this.masterKey = Objects.requireNonNull(masterKey, "masterKey");
    }

    /** The sealed form of {@code plaintext}, openable only with this master key and the same {@code context}. */
    public byte[] seal(byte[] plaintext, String context) {
        Objects.requireNonNull(plaintext, "plaintext");
        byte[] aad = aad(context);
        byte[] dataKey = new byte[MasterKey.LENGTH];
        byte[] wrapNonce = new byte[NONCE];
        byte[] dataNonce = new byte[NONCE];
        random.nextBytes(dataKey);
        random.nextBytes(wrapNonce);
        random.nextBytes(dataNonce);
        try {
            byte[] wrapped = gcm(Cipher.ENCRYPT_MODE, masterKey.bytes(), wrapNonce, aad, dataKey);
            byte[] ciphertext = gcm(Cipher.ENCRYPT_MODE, dataKey, dataNonce, aad, plaintext);
            return ByteBuffer.allocate(HEADER + ciphertext.length)
                    .put(VERSION)
                    .put(masterKey.id())
                    .put(wrapNonce)
                    .put(wrapped)
                    .put(dataNonce)
                    .put(ciphertext)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JDK", e);
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    /** {@link #seal(byte[], String)} of a string's UTF-8 bytes. */
    public byte[] sealString(String plaintext, String context) {
        return seal(plaintext.getBytes(StandardCharsets.UTF_8), context);
    }

    /** The plaintext of a value this envelope's key sealed for {@code context}; else a {@link SealingException}. */
    public byte[] open(byte[] sealed, String context) {
        Objects.requireNonNull(sealed, "sealed");
        byte[] aad = aad(context);
        if (sealed.length < HEADER + TAG_BITS / 8 || sealed[0] != VERSION) {
            throw new SealingException("not a value sealed by this version of Gantry");
        }
        ByteBuffer in = ByteBuffer.wrap(sealed);
        in.get();
        byte[] keyId = take(in, 4);
        if (!Arrays.equals(keyId, masterKey.id())) {
            throw new SealingException("the value was sealed under another master key than " + masterKey);
        }
        byte[] wrapNonce = take(in, NONCE);
        byte[] wrapped = take(in, WRAPPED_KEY);
        byte[] dataNonce = take(in, NONCE);
        byte[] ciphertext = take(in, in.remaining());
        byte[] dataKey = null;
        try {
            dataKey = gcm(Cipher.DECRYPT_MODE, masterKey.bytes(), wrapNonce, aad, wrapped);
            return gcm(Cipher.DECRYPT_MODE, dataKey, dataNonce, aad, ciphertext);
        } catch (AEADBadTagException e) {
            throw new SealingException("the sealed value was altered or belongs to another record", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JDK", e);
        } finally {
            if (dataKey != null) {
                Arrays.fill(dataKey, (byte) 0);
            }
        }
    }

    /** {@link #open(byte[], String)} decoded as UTF-8. */
    public String openString(byte[] sealed, String context) {
        return new String(open(sealed, context), StandardCharsets.UTF_8);
    }

    private static byte[] gcm(int mode, byte[] key, byte[] nonce, byte[] aad, byte[] input)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(AES_GCM);
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(aad);
        return cipher.doFinal(input);
    }

    private static byte[] aad(String context) {
        return ("gantry-envelope-v1|" + Objects.requireNonNull(context, "context")).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] take(ByteBuffer in, int n) {
        byte[] out = new byte[n];
        in.get(out);
        return out;
    }
}
