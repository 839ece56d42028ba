package dev.parley.client;

import java.security.cert.CertificateException;

/// Thrown inside the TLS handshake when the server's certificate is not the one expected; it
/// travels out as the cause of Jetty's failure and becomes [DisconnectReason#CERTIFICATE_CHANGED].
/// `pinned` says whether `expected` came from [KnownServers] (else: from discovery or the user).
final class CertificatePinException extends CertificateException {

    final String hostPort;
    final String expected;
    final String presented;
    final boolean pinned;

    CertificatePinException(String hostPort, String expected, String presented, boolean pinned) {
        super(pinned
                ? "the certificate of " + hostPort + " changed since you first connected (was " + expected
                        + ", now " + presented + "). This may be an attack, or the host reinstalled Parley:"
                        + " check the fingerprint with the host before trusting the new certificate."
                : "the certificate of " + hostPort + " is not the expected one (expected " + expected
                        + ", got " + presented + "). This may be an attack: check the fingerprint with the host.");
        this.hostPort = hostPort;
        this.expected = expected;
        this.presented = presented;
        this.pinned = pinned;
    }
}
