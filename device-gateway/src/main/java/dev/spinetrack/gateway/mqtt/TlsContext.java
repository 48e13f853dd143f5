package dev.spinetrack.gateway.mqtt;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;

/** TLS socket factory trusting the certificates of a given trust store. */
final class TlsContext {

    private TlsContext() {
    }

    static SSLSocketFactory socketFactory(Path trustStore, String password) {
        char[] pw = password == null ? null : password.toCharArray();
        try (InputStream in = Files.newInputStream(trustStore)) {
            KeyStore ks = KeyStore.getInstance(trustStore.toString().endsWith(".jks") ? "JKS" : "PKCS12");
            ks.load(in, pw);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ks);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx.getSocketFactory();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("trust store " + trustStore + " cannot be used: " + e.getMessage(), e);
        }
    }
}
