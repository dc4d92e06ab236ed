package dev.rpcadapter.autoconfigure.security;

import java.time.Clock;

import dev.rpcadapter.autoconfigure.diagnostics.AdapterSecurityConfigurationException;
import dev.rpcadapter.security.crl.CertificateCheckException;
import dev.rpcadapter.security.crl.CertificateChecks;
import dev.rpcadapter.security.crl.CrlException;
import dev.rpcadapter.security.crl.CrlSet;
import dev.rpcadapter.security.crl.RevocationChecker;
import org.jspecify.annotations.Nullable;

/**
 * The server's certificate and its CRL, checked when created: an expired or revoked
 * server certificate, or a missing, unreadable, unverifiable or expired CRL, stops the
 * application.
 */
final class ServerCertificates {

	private final ServerTls tls;

	private final @Nullable CrlResource crl;

	private final @Nullable RevocationChecker checker;

	ServerCertificates(ServerTls tls, @Nullable CrlResource crl, Clock clock) {
		this.tls = tls;
		this.crl = crl;
		try {
			CrlSet crls = (crl != null) ? crl.verified(requireCas(tls, crl), clock) : null;
			CertificateChecks.checkServer(tls.certificate(), tls.source(), crls, clock);
			this.checker = (crl != null) ? crl.checker(tls.trustedCas(), clock) : null;
		}
		catch (CrlException ex) {
			throw new AdapterSecurityConfigurationException(String.valueOf(ex.getMessage()), crlAction(ex), ex);
		}
		catch (CertificateCheckException ex) {
			throw new AdapterSecurityConfigurationException(String.valueOf(ex.getMessage()),
					"Issue a new server certificate (e.g. with adapter-ca: java -jar adapter-ca-<version>-cli.jar server --out certs --dns <host>), "
							+ "point " + tls.source() + " at it and restart",
					ex);
		}
	}

	ServerTls tls() {
		return this.tls;
	}

	@Nullable CrlResource crl() {
		return this.crl;
	}

	/**
	 * @return checks client certificates against the CRL, or {@code null} when no CRL is
	 * configured
	 */
	@Nullable RevocationChecker checker() {
		return this.checker;
	}

	private static java.util.List<java.security.cert.X509Certificate> requireCas(ServerTls tls, CrlResource crl) {
		if (tls.trustedCas().isEmpty()) {
			throw new AdapterSecurityConfigurationException(
					"adapter.security.mtls.crl is set (" + crl.location() + ") but " + tls.source()
							+ " has no trust store with the CA certificates that sign client certificates and the CRL",
					"Add the CA certificate to the bundle, e.g. spring.ssl.bundle.pem." + tls.bundleName()
							+ ".truststore.certificate=file:certs/ca.crt");
		}
		return tls.trustedCas();
	}

	private static String crlAction(CrlException ex) {
		return switch (ex.reason()) {
			case EXPIRED, NOT_YET_VALID ->
				"Publish a current CRL (e.g. with adapter-ca: java -jar adapter-ca-<version>-cli.jar crl --out certs) at "
						+ "adapter.security.mtls.crl, or check the system clock";
			case UNKNOWN_ISSUER, INVALID_SIGNATURE, ISSUER_NOT_ALLOWED_TO_SIGN_CRLS -> "Use a CRL signed by the CA "
					+ "in the server's SSL bundle trust store, or add that CA to the trust store";
			case UNREADABLE -> "Point adapter.security.mtls.crl at a readable PEM or DER CRL file (file:/path/ca.crl "
					+ "or classpath:ca.crl), e.g. one made with adapter-ca's CLI: java -jar adapter-ca-<version>-cli.jar crl";
		};
	}

}
