package dev.rpcadapter.autoconfigure.security;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

import dev.rpcadapter.security.cert.CertificateAuthentication;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * When the credentials of the last request authenticated on a connection expire
 * ({@code null}: never by time).
 */
record CredentialsExpiry(@Nullable Instant at) {

	static CredentialsExpiry of(List<Authentication> authentications) {
		Instant earliest = null;
		for (Authentication authentication : authentications) {
			Instant at = null;
			if (authentication instanceof JwtAuthenticationToken jwt) {
				at = jwt.getToken().getExpiresAt();
			}
			else if (authentication instanceof CertificateAuthentication certificate) {
				at = certificate.getCredentials().getNotAfter().toInstant();
			}
			if (at != null && (earliest == null || at.isBefore(earliest))) {
				earliest = at;
			}
		}
		return new CredentialsExpiry(earliest);
	}

	static CredentialsExpiry of(@Nullable X509Certificate certificate) {
		return new CredentialsExpiry((certificate != null) ? certificate.getNotAfter().toInstant() : null);
	}
}
