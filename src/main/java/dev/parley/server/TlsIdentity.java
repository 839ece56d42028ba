package dev.parley.server;

import dev.parley.protocol.AtomicWrite;
import dev.parley.protocol.Fingerprint;
import java.io.ByteArrayOutputStream;
import dev.parley.protocol.OwnerOnly;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Base64;

/// The server's TLS key and certificate. With a data folder they live in `tls/parley.p12`
/// (PKCS12) and its password in `tls/parley.password`, owner-only on POSIX, made on first use
/// and reused afterwards so that members' pins stay valid. Without a data folder (tests) a
/// fresh identity lives in memory only: nothing to clean up, nothing left behind.
final class TlsIdentity {

    static final String ALIAS = "parley";

    final KeyStore keyStore;
    final String password;
    final String fingerprint;

    private TlsIdentity(KeyStore keyStore, String password, X509Certificate certificate) throws GeneralSecurityException {
        this.keyStore = keyStore;
        this.password = password;
        this.fingerprint = Fingerprint.of(certificate.getEncoded());
    }

    static TlsIdentity inMemory() throws IOException {
        try {
            return create(newPassword());
        } catch (GeneralSecurityException failure) {
            throw new IOException("could not make a TLS certificate: " + failure.getMessage(), failure);
        }
    }

    /// Loads `DATA/tls/parley.p12`, or makes it when it does not exist yet. A damaged store is
    /// an error, never silently replaced: a new certificate makes every member's pin fail.
    static TlsIdentity loadOrCreate(Path dataDir) throws IOException {
        var folder = dataDir.resolve("tls");
        var store = folder.resolve("parley.p12");
        var secret = folder.resolve("parley.password");
        if (Files.exists(store)) {
            return load(store, secret);
        }
        try {
            OwnerOnly.folder(folder);
            var identity = create(newPassword());
            // The password first: a store on disk always has its password next to it.
            AtomicWrite.write(secret, identity.password.getBytes(StandardCharsets.UTF_8));
            var bytes = new ByteArrayOutputStream();
            identity.keyStore.store(bytes, identity.password.toCharArray());
            AtomicWrite.write(store, bytes.toByteArray());
            return identity;
        } catch (GeneralSecurityException failure) {
            throw new IOException("could not make a TLS certificate: " + failure.getMessage(), failure);
        }
    }

    private static TlsIdentity load(Path store, Path secret) throws IOException {
        try {
            var password = Files.readString(secret, StandardCharsets.UTF_8).strip();
            var keyStore = KeyStore.getInstance("PKCS12");
            try (var in = Files.newInputStream(store)) {
                keyStore.load(in, password.toCharArray());
            }
            if (!(keyStore.getCertificate(ALIAS) instanceof X509Certificate certificate)
                    || !keyStore.isKeyEntry(ALIAS)) {
                throw new GeneralSecurityException("no key entry named '" + ALIAS + "'");
            }
            return new TlsIdentity(keyStore, password, certificate);
        } catch (IOException | GeneralSecurityException failure) {
            throw new IOException("the TLS key store " + store + " could not be read (" + failure.getMessage()
                    + "). Move the folder " + store.getParent() + " away to make a new certificate;"
                    + " members who trusted the old one will be warned that it changed.", failure);
        }
    }

    private static TlsIdentity create(String password) throws GeneralSecurityException, IOException {
        var made = SelfSignedCertificate.make();
        var keyStore = KeyStore.getInstance("PKCS12");
        keyStore.load(null, null);
        keyStore.setKeyEntry(ALIAS, made.keys().getPrivate(), password.toCharArray(), new Certificate[] {made.certificate()});
        return new TlsIdentity(keyStore, password, made.certificate());
    }

    private static String newPassword() {
        var bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
