package dev.rpcadapter.security.cert;

import java.io.Serial;
import java.security.cert.X509Certificate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

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

	private final List<String> roles;

	private CertificateAuthentication(CertificateIdentity identity, X509Certificate certificate, List<String> roles) {
		super(Roles.authorities(roles));
		this.identity = identity;
		this.certificate = certificate;
		this.roles = roles;
		super.setAuthenticated(true);
	}

	/**
	 * Returns the authentication for a validated client certificate.
	 * @param certificate the certificate, already validated by the TLS layer
	 * @return the authentication
	 * @throws IllegalArgumentException when the certificate's identity extensions cannot
	 * be read
	 */
	public static CertificateAuthentication of(X509Certificate certificate) {
		return of(certificate, "");
	}

	/**
	 * Returns the authentication for a validated client certificate, with the seed's
	 * reading of certificate roles: names in lower case, {@code all} and {@code any}
	 * meaning {@code *}, and {@code defaultRole} for a certificate that names no role.
	 * @param certificate the certificate, already validated by the TLS layer
	 * @param defaultRole the role of a certificate without roles (the seed's
	 * {@code other}); empty for none
	 * @return the authentication
	 * @throws IllegalArgumentException when the certificate's identity extensions cannot
	 * be read
	 */
	public static CertificateAuthentication of(X509Certificate certificate, String defaultRole) {
		CertificateIdentity identity = CertificateIdentity.from(certificate);
		return new CertificateAuthentication(identity, certificate, granted(identity.roles(), defaultRole));
	}

	private static List<String> granted(List<String> roles, String defaultRole) {
		Set<String> granted = new LinkedHashSet<>();
		for (String role : roles) {
			String name = role.toLowerCase(Locale.ROOT);
			granted.add(name.equals("all") || name.equals("any") ? "*" : name);
		}
		if (granted.isEmpty() && !defaultRole.isBlank()) {
			granted.add(defaultRole.strip().toLowerCase(Locale.ROOT));
		}
		return List.copyOf(granted);
	}

	/**
	 * @return the identity read from the certificate
	 */
	public CertificateIdentity identity() {
		return this.identity;
	}

	/**
	 * @return the role names granted (normalised as {@link #of(X509Certificate, String)}
	 * says), without {@code ROLE_}
	 */
	public List<String> roles() {
		return this.roles;
	}

	/**
	 * @return the client certificate
	 */
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
