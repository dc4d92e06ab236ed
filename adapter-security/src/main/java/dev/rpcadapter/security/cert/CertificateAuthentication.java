package dev.rpcadapter.security.cert;

import java.io.Serial;
import java.security.cert.X509Certificate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AbstractAuthenticationToken;

import dev.rpcadapter.security.Roles;

/**
 * A caller authenticated by its TLS client certificate, with one {@code ROLE_<role>}
 * authority per role the certificate carries.
 */
public final class CertificateAuthentication extends AbstractAuthenticationToken {

	@Serial
	private static final long serialVersionUID = 1L;

	private final CertificateIdentity identity;

	private final X509Certificate certificate;

	private CertificateAuthentication(CertificateIdentity identity, X509Certificate certificate) {
		super(Roles.authorities(identity.roles()));
		this.identity = identity;
		this.certificate = certificate;
		super.setAuthenticated(true);
	}

	/**
	 * Returns the authentication for a validated client certificate.
	 * @param certificate the certificate, already validated by the TLS layer
	 * @return the authentication
	 * @throws IllegalArgumentException when the certificate's identity extensions cannot be read
	 */
	public static CertificateAuthentication of(X509Certificate certificate) {
		return new CertificateAuthentication(CertificateIdentity.from(certificate), certificate);
	}

	/** @return the identity read from the certificate */
	public CertificateIdentity identity() {
		return this.identity;
	}

	/** @return the role names, without the {@code ROLE_} prefix */
	public List<String> roles() {
		return this.identity.roles();
	}

	/** @return the client certificate */
	@Override
	public X509Certificate getCredentials() {
		return this.certificate;
	}

	@Override
	public String getPrincipal() {
		return this.identity.principal();
	}

	@Override
	public String getName() {
		return this.identity.principal();
	}

	@Override
	public void setAuthenticated(boolean authenticated) {
		if (authenticated) {
			throw new IllegalArgumentException("Use CertificateAuthentication.of(certificate) to authenticate");
		}
		super.setAuthenticated(false);
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return other instanceof CertificateAuthentication that && super.equals(that)
				&& this.identity.equals(that.identity);
	}

	@Override
	public int hashCode() {
		return this.identity.hashCode();
	}

}
