package dev.spinetrack.server.security;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasswordHasherTest {

    // small parameters: the format and the comparison are under test, not the cost
    private final PasswordHasher hasher = new PasswordHasher(64, 1, 1);

    @Test
    void aHashMatchesItsPasswordOnly() {
        String h = hasher.hash("correct horse battery");
        assertTrue(h.startsWith("$argon2id$v=19$m=64,t=1,p=1$"), h);
        assertTrue(hasher.matches("correct horse battery", h));
        assertFalse(hasher.matches("correct horse batterY", h));
        assertFalse(hasher.matches("", h));
    }

    @Test
    void saltsDifferAndParametersTravelWithTheHash() {
        String a = hasher.hash("same password");
        String b = hasher.hash("same password");
        assertNotEquals(a, b, "a fresh salt per hash");
        // a hasher with other defaults still checks hashes made with these parameters
        assertTrue(new PasswordHasher().matches("same password", a));
    }

    @Test
    void malformedStoredValuesNeverMatch() {
        for (String bad : new String[]{null, "", "plain", "$argon2i$v=19$m=64,t=1,p=1$AAAA$AAAA",
                "$argon2id$v=19$m=64,t=1,p=1$!!$AAAA", "$argon2id$v=19$x=1$AAAA$AAAA"}) {
            assertFalse(hasher.matches("x", bad), String.valueOf(bad));
        }
    }

    @Test
    void secretsAreRandomAndStoredAsDigests() {
        String s = Secrets.newSecret("stk_");
        assertTrue(s.startsWith("stk_") && s.length() == 4 + 43, s);
        assertNotEquals(s, Secrets.newSecret("stk_"));
        assertTrue(Secrets.digest(s).matches("[0-9a-f]{64}"));
        // SHA-256("abc"), from FIPS 180-2
        assertTrue(Secrets.digest("abc").equals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    }
}
