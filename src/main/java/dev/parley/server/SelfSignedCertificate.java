package dev.parley.server;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.Set;

/// Makes the server's self-signed certificate: an EC P-256 key, CN=Parley, valid ten years,
/// for TLS server authentication, with this machine's name and addresses as alternative names.
///
/// Written in DER by hand ([Der]) because the JDK has no public API to create a certificate
/// and jpackage's runtime has no `keytool`; a dozen fixed fields do not justify adding all of
/// BouncyCastle to the installer. The JDK itself parses the result and checks its signature
/// before anyone uses it.
final class SelfSignedCertificate {

    private static final String ECDSA_WITH_SHA256 = "1.2.840.10045.4.3.2";
    private static final String COMMON_NAME = "2.5.4.3";
    private static final String KEY_USAGE = "2.5.29.15";
    private static final String SUBJECT_ALT_NAME = "2.5.29.17";
    private static final String BASIC_CONSTRAINTS = "2.5.29.19";
    private static final String EXTENDED_KEY_USAGE = "2.5.29.37";
    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";

    record Made(KeyPair keys, X509Certificate certificate) {}

    private SelfSignedCertificate() {}

    static Made make() throws GeneralSecurityException {
        var generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        var keys = generator.generateKeyPair();
        var algorithm = Der.sequence(Der.oid(ECDSA_WITH_SHA256));
        var name = Der.sequence(Der.set(Der.sequence(Der.oid(COMMON_NAME), Der.utf8("Parley"))));
        // A day back: a member whose clock is a little behind must not see "not yet valid".
        var now = ZonedDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        var tbs = Der.sequence(
                Der.explicit(0, Der.integer(BigInteger.TWO)), // v3
                Der.integer(serial()),
                algorithm,
                name,
                Der.sequence(Der.time(now.minusDays(1)), Der.time(now.plusYears(10))),
                name,
                keys.getPublic().getEncoded(),
                Der.explicit(3, Der.sequence(
                        extension(BASIC_CONSTRAINTS, true, Der.sequence()),
                        extension(KEY_USAGE, true, Der.tlv(0x03, new byte[] {7, (byte) 0x80})), // digitalSignature
                        extension(EXTENDED_KEY_USAGE, false, Der.sequence(Der.oid(SERVER_AUTH))),
                        extension(SUBJECT_ALT_NAME, false, alternativeNames()))));
        var signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(keys.getPrivate());
        signer.update(tbs);
        var der = Der.sequence(tbs, algorithm, Der.bits(signer.sign()));
        var certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(der));
        certificate.verify(keys.getPublic());
        return new Made(keys, certificate);
    }

    /// Positive, 127 bits of randomness (RFC 5280 allows up to 20 octets).
    private static BigInteger serial() {
        return new BigInteger(127, new SecureRandom()).setBit(120);
    }

    private static byte[] extension(String oid, boolean critical, byte[] value) {
        return critical
                ? Der.sequence(Der.oid(oid), Der.bool(true), Der.octets(value))
                : Der.sequence(Der.oid(oid), Der.octets(value));
    }

    /// `localhost`, the host name and every address of an interface that is up. Clients check
    /// the pinned fingerprint, not these; they help a browser's warning page and `openssl`.
    private static byte[] alternativeNames() {
        var names = new ByteArrayOutputStream();
        for (var dns : hostNames()) {
            names.writeBytes(Der.tlv(0x82, dns.getBytes(StandardCharsets.US_ASCII)));
        }
        var addresses = new LinkedHashSet<String>();
        try {
            for (var nic : NetworkInterface.networkInterfaces().toList()) {
                if (nic.isUp()) {
                    for (var address : nic.inetAddresses().toList()) {
                        if (!address.isLinkLocalAddress() && addresses.add(address.getHostAddress())) {
                            names.writeBytes(Der.tlv(0x87, address.getAddress()));
                        }
                    }
                }
            }
        } catch (SocketException unreadable) {
            // No interface list (a sandbox): the names above still go in.
        }
        return Der.sequence(names.toByteArray());
    }

    private static Set<String> hostNames() {
        var names = new LinkedHashSet<String>();
        names.add("localhost");
        try {
            names.add(InetAddress.getLocalHost().getHostName());
        } catch (IOException unknown) {
            // A machine without a resolvable name: localhost and the addresses remain.
        }
        // Only real DNS names: no IP literal (those go in as addresses), nothing non-ASCII.
        names.removeIf(name -> !name.matches("[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?") || name.matches("[0-9.]+"));
        return names;
    }
}
