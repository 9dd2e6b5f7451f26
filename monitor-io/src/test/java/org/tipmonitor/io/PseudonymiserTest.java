package org.tipmonitor.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tipmonitor.model.PersonKey;
import org.tipmonitor.model.testing.ModelValidators;

class PseudonymiserTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    @Test
    void knownAnswer() {
        // Reference: python3 -c "import hmac,hashlib,base64;
        //   m=hmac.new(b'0123456789abcdef0123456789abcdef', b'\0\0\0\0'+b'123456782', hashlib.sha256).digest();
        //   print('p'+base64.b32encode(m).decode().lower().rstrip('='))"
        assertEquals(PersonKey.of("psfwnalt2uaqjf3toznytqnmfjfag4jrlikf4d7esy3i7idlgmira"),
                Pseudonymiser.withKey(KEY).pseudonymise("123456782"));
    }

    @Test
    void sameInputAndKeyGiveTheSameKeyAndTheKeyIsAValidPseudonym() {
        Pseudonymiser pseudonymiser = Pseudonymiser.withKey(KEY);
        PersonKey key = pseudonymiser.pseudonymise("123456782");
        assertEquals(key, Pseudonymiser.withKey(KEY.clone()).pseudonymise("123456782"));
        assertEquals(53, key.value().length());
        assertTrue(key.value().matches(PersonKey.PATTERN));
        assertEquals(Set.of(), ModelValidators.ruleCodes(key));
    }

    @Test
    void aDifferentKeyOrContextGivesUnrelatedKeys() {
        byte[] other = KEY.clone();
        other[0] ^= 1;
        Pseudonymiser one = Pseudonymiser.withKey(KEY);
        assertNotEquals(one.pseudonymise("123456782"), Pseudonymiser.withKey(other).pseudonymise("123456782"));
        assertNotEquals(one.pseudonymise("123456782"), one.withContext("offenders").pseudonymise("123456782"));
        assertFalse(one.sameKeyAs(Pseudonymiser.withKey(other)));
        assertTrue(one.sameKeyAs(Pseudonymiser.withKey(KEY)));
    }

    @Test
    void distinctIdentifiersGiveDistinctKeys() {
        Pseudonymiser pseudonymiser = Pseudonymiser.withKey(KEY);
        Set<PersonKey> keys = new HashSet<>();
        for (int bsn = 100_000_000; bsn < 100_010_000; bsn++) {
            keys.add(pseudonymiser.pseudonymise(Integer.toString(bsn)));
        }
        assertEquals(10_000, keys.size());
    }

    @Test
    void unicodeIsNormalisedToNfc() {
        Pseudonymiser pseudonymiser = Pseudonymiser.withKey(KEY);
        assertEquals(pseudonymiser.pseudonymise("Jos\u00e9"), pseudonymiser.pseudonymise("Jose\u0301"));
    }

    @Test
    void theKeyIsCopiedAndNeverShown() {
        byte[] key = KEY.clone();
        Pseudonymiser pseudonymiser = Pseudonymiser.withKey(key);
        PersonKey before = pseudonymiser.pseudonymise("123456782");
        Arrays.fill(key, (byte) 7);
        assertEquals(before, pseudonymiser.pseudonymise("123456782"));
        assertFalse(pseudonymiser.toString().contains("0123456789"));
    }

    @Test
    void weakKeysAndBlankIdentifiersAreRefused() {
        assertEquals(IoRule.INVALID_ARGUMENT, assertThrows(ExchangeException.class,
                () -> Pseudonymiser.withKey(new byte[31])).rule());
        assertEquals(IoRule.INVALID_ARGUMENT, assertThrows(ExchangeException.class,
                () -> Pseudonymiser.withKey(new byte[32])).rule());
        ExchangeException blank = assertThrows(ExchangeException.class,
                () -> Pseudonymiser.withKey(KEY).pseudonymise("  "));
        assertTrue(blank.getMessage().startsWith("TM-IO-0050: "));
    }
}
