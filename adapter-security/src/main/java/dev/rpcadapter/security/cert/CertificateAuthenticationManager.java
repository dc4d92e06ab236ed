package dev.rpcadapter.security.cert;

import java.security.cert.X509Certificate;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import reactor.core.publisher.Mono;

/**
 * Authenticates the client certificate that Spring Security's X.509 support extracted
 * from the TLS session (a {@link PreAuthenticatedAuthenticationToken} whose credentials
 * are the {@link X509Certificate}) into a {@link CertificateAuthentication} carrying the
 * certificate's roles. The TLS layer must already have validated the chain and checked
 * revocation. Other authentication types complete empty.
 */
public final class CertificateAuthenticationManager implements ReactiveAuthenticationManager {

	private final String defaultRole;

	/** Certificates without roles get none. */
	public CertificateAuthenticationManager() {
		this("");
	}

	/**
	 * @param defaultRole the role of a certificate that names none (the seed adapter's
	 * {@code other}); empty for none
	 */
	public CertificateAuthenticationManager(String defaultRole) {
		this.defaultRole = defaultRole;
	}

	@Override
	public Mono<Authentication> authenticate(Authentication authentication) {
		if (!(authentication instanceof PreAuthenticatedAuthenticationToken preAuthenticated)
				|| !(preAuthenticated.getCredentials() instanceof X509Certificate certificate)) {
			return Mono.empty();
		}
		try {
			return Mono.just(CertificateAuthentication.of(certificate, this.defaultRole));
		}
		catch (IllegalArgumentException ex) {
			return Mono.error(new BadCredentialsException("Unreadable client certificate", ex));
		}
	}

}
