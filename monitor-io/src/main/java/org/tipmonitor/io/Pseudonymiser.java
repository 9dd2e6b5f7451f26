package org.tipmonitor.io;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.tipmonitor.model.PersonKey;

/**
 * Turns a source identifier (a citizen service number, a case-management number, a CBS record number) into a
 * {@link PersonKey} with a keyed hash, HMAC-SHA256 (RFC 2104, FIPS 198-1), under a secret key that the caller
 * supplies. The same identifier and key always give the same person key, so a person's records stay linked
 * across files and years; a different key gives unlinkable person keys.
 *
 * <p><b>Threat model.</b> The person keys travel in exchange files to the Rapporteur, researchers and
 * statistical offices, who must be able to link a person's records but must not learn who the person is. The
 * adversary holds exchange files (or a leaked copy) and may know, or be able to enumerate, the identifiers of
 * people they are interested in. The key is held only by the organisation that pseudonymises (or a trusted
 * third party) and never leaves it. Under that model the adversary cannot compute a person key from an
 * identifier, cannot test a guess, and cannot link files made under different keys.
 *
 * <p><b>Why a plain hash is not enough.</b> Identifiers come from small, structured spaces: a citizen service
 * number has nine digits and a check digit (well under 10^9 valid values), a date of birth with a postcode a
 * few million combinations. Anyone can hash every possible identifier with SHA-256 in minutes and look up the
 * person key of everyone in a file (a dictionary attack); a public salt does not help, since it is in the
 * attacker's hands too. HMAC mixes a secret key into every hash, so the dictionary cannot be built without it.
 * The protection rests entirely on the key: use at least 32 random bytes, keep it in a key store, rotate it by
 * pseudonymising again (old and new keys are unlinkable), and destroy it when linking is no longer needed.
 * What HMAC does not hide: that two records share a person key, and anything the other fields reveal.
 *
 * <p><b>Output.</b> {@code "p"} followed by the 256-bit MAC in lower-case base32 (RFC 4648 alphabet), 53
 * characters, which always has the {@linkplain PersonKey#PATTERN shape of a person key}. The identifier is
 * normalised to Unicode NFC and encoded as UTF-8; nothing else (no trimming or case folding), so callers
 * normalise their identifiers the same way every time. An optional {@linkplain #withContext(String) context}
 * separates domains: the same identifier gives unrelated keys in the victim and the offender register.
 *
 * <p>The key is copied on the way in, never returned, serialised, logged or shown by {@link #toString()}.
 * Instances are immutable and thread-safe.
 */
public final class Pseudonymiser {

    /** The minimum key length in bytes: the output length of SHA-256. */
    public static final int MIN_KEY_BYTES = 32;

    private static final String ALGORITHM = "HmacSHA256";
    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

    private final SecretKeySpec key;
    private final byte[] context;

    private Pseudonymiser(SecretKeySpec key, byte[] context) {
        this.key = key;
        this.context = context;
    }

    /**
     * A pseudonymiser with a secret key.
     *
     * @param secretKey at least {@value #MIN_KEY_BYTES} random bytes; copied
     * @return the pseudonymiser
     * @throws ExchangeException ({@link IoRule#INVALID_ARGUMENT}) if the key is shorter than
     *                           {@value #MIN_KEY_BYTES} bytes or all its bytes are equal
     */
    public static Pseudonymiser withKey(byte[] secretKey) {
        Objects.requireNonNull(secretKey, "secretKey");
        if (secretKey.length < MIN_KEY_BYTES) {
            throw new ExchangeException(IoRule.INVALID_ARGUMENT, "the pseudonymisation key must have at least "
                    + MIN_KEY_BYTES + " bytes, got " + secretKey.length);
        }
        boolean constant = true;
        for (byte b : secretKey) {
            constant &= b == secretKey[0];
        }
        if (constant) {
            throw new ExchangeException(IoRule.INVALID_ARGUMENT, "the pseudonymisation key has all bytes equal;"
                    + " use random bytes");
        }
        return new Pseudonymiser(new SecretKeySpec(secretKey.clone(), ALGORITHM), new byte[0]);
    }

    /**
     * A copy that pseudonymises within a context, e.g. {@code "victims"} or {@code "offenders"}: the same
     * identifier gives unrelated person keys in different contexts.
     *
     * @param name the context, not blank
     * @return the copy
     * @throws ExchangeException ({@link IoRule#INVALID_ARGUMENT}) if the name is blank
     */
    public Pseudonymiser withContext(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new ExchangeException(IoRule.INVALID_ARGUMENT, "the context must not be blank");
        }
        return new Pseudonymiser(key, name.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The person key of a source identifier.
     *
     * @param sourceIdentifier the identifier, not blank; never logged or put in a message
     * @return the person key
     * @throws ExchangeException ({@link IoRule#INVALID_ARGUMENT}) if the identifier is blank
     */
    public PersonKey pseudonymise(String sourceIdentifier) {
        Objects.requireNonNull(sourceIdentifier, "sourceIdentifier");
        if (sourceIdentifier.isBlank()) {
            throw new ExchangeException(IoRule.INVALID_ARGUMENT, "the source identifier must not be blank");
        }
        byte[] input = Normalizer.normalize(sourceIdentifier, Normalizer.Form.NFC).getBytes(StandardCharsets.UTF_8);
        byte[] mac;
        try {
            Mac hmac = Mac.getInstance(ALGORITHM);
            hmac.init(key);
            // Length-prefix the context so that (context, identifier) pairs cannot collide.
            hmac.update(new byte[] {(byte) (context.length >>> 24), (byte) (context.length >>> 16),
                (byte) (context.length >>> 8), (byte) context.length});
            hmac.update(context);
            mac = hmac.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new ExchangeException(IoRule.INVALID_ARGUMENT, "HMAC-SHA256 is not available: "
                    + e.getClass().getSimpleName(), e);
        } finally {
            Arrays.fill(input, (byte) 0);
        }
        return PersonKey.of("p" + base32(mac));
    }

    /**
     * Whether two pseudonymisers use the same key and context, compared in constant time.
     *
     * @param other the other pseudonymiser
     * @return true when they give the same person keys
     */
    public boolean sameKeyAs(Pseudonymiser other) {
        return MessageDigest.isEqual(key.getEncoded(), other.key.getEncoded())
                && Arrays.equals(context, other.context);
    }

    private static String base32(byte[] bytes) {
        StringBuilder out = new StringBuilder((bytes.length * 8 + 4) / 5);
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(BASE32[(buffer >>> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(BASE32[(buffer << (5 - bits)) & 31]);
        }
        return out.toString();
    }

    /** Shows no key material. */
    @Override
    public String toString() {
        return "Pseudonymiser[HMAC-SHA256, key withheld" + (context.length == 0 ? "" : ", with context") + "]";
    }
}
