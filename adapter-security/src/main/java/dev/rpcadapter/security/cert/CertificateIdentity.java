package dev.rpcadapter.security.cert;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import javax.security.auth.x500.X500Principal;

import dev.rpcadapter.security.Roles;
import dev.rpcadapter.security.internal.ExtensionText;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.jspecify.annotations.Nullable;

/**
 * Who a client certificate identifies and which roles it grants.
 *
 * @param principal the subject's common name, or the whole subject (RFC 2253) when it has
 * none
 * @param roles roles from extension {@value AdapterOids#ROLES}, else from SAN DNS entries
 * {@code role=<name>}; empty when the certificate carries neither
 * @param permissions permissions from extension {@value AdapterOids#PERMISSIONS}
 * @param unitId the unit id from extension {@value AdapterOids#UNIT_ID}, or {@code null}
 */
public record CertificateIdentity(String principal, List<String> roles, List<String> permissions,
		@Nullable String unitId) {

	private static final int SAN_DNS_NAME = 2;

	public CertificateIdentity {
		roles = List.copyOf(roles);
		permissions = List.copyOf(permissions);
	}

	/**
	 * Reads the identity of a certificate. Extension values are accepted as raw UTF-8
	 * (Python tooling, {@code adapter-ca}'s {@code CertificateTool}) and as a DER string
	 * (openssl {@code ASN1:UTF8String:admin,user}).
	 * @param certificate a client certificate
	 * @return its identity
	 * @throws IllegalArgumentException when an identity extension cannot be decoded
	 */
	public static CertificateIdentity from(X509Certificate certificate) {
		String rolesText = ExtensionText.read(certificate, AdapterOids.ROLES);
		List<String> roles = (rolesText != null) ? Roles.split(rolesText) : sanRoles(certificate);
		String permissionsText = ExtensionText.read(certificate, AdapterOids.PERMISSIONS);
		List<String> permissions = (permissionsText != null) ? Roles.split(permissionsText) : List.of();
		String unitId = ExtensionText.read(certificate, AdapterOids.UNIT_ID);
		return new CertificateIdentity(principalOf(certificate.getSubjectX500Principal()), roles, permissions,
				(unitId != null && !unitId.isBlank()) ? unitId.strip() : null);
	}

	private static String principalOf(X500Principal subject) {
		RDN[] commonNames = X500Name.getInstance(subject.getEncoded()).getRDNs(BCStyle.CN);
		if (commonNames.length > 0 && commonNames[0].getFirst() != null) {
			return IETFUtils.valueToString(commonNames[0].getFirst().getValue());
		}
		return subject.getName(X500Principal.RFC2253);
	}

	private static List<String> sanRoles(X509Certificate certificate) {
		List<String> roles = new ArrayList<>();
		for (List<?> name : subjectAltNames(certificate)) {
			if (name.size() == 2 && Integer.valueOf(SAN_DNS_NAME).equals(name.get(0))
					&& name.get(1) instanceof String dns && dns.startsWith(AdapterOids.SAN_ROLE_PREFIX)) {
				String role = dns.substring(AdapterOids.SAN_ROLE_PREFIX.length()).strip();
				if (!role.isEmpty() && !roles.contains(role)) {
					roles.add(role);
				}
			}
		}
		return roles;
	}

	private static Collection<List<?>> subjectAltNames(X509Certificate certificate) {
		try {
			Collection<List<?>> names = certificate.getSubjectAlternativeNames();
			return (names != null) ? names : List.of();
		}
		catch (CertificateParsingException ex) {
			throw new IllegalArgumentException("Cannot read the subject alternative names of certificate '"
					+ certificate.getSubjectX500Principal() + "': " + ex.getMessage(), ex);
		}
	}

}
