package dev.rpcadapter.ca;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import dev.rpcadapter.security.cert.AdapterOids;
import dev.rpcadapter.security.cert.RoleEncoding;
import org.jspecify.annotations.Nullable;

/**
 * What a new certificate should contain. Start from {@link #forName(String)} and adjust
 * with the {@code with…} methods; every field has a sensible default.
 *
 * @param commonName subject common name (CN)
 * @param notBefore start of validity
 * @param notAfter end of validity; may lie in the past to create an expired certificate
 * @param dnsNames subject alternative name DNS entries (server certificates)
 * @param ipAddresses subject alternative name IP address literals (server certificates)
 * @param roles role names written to extension {@value AdapterOids#ROLES} (client
 * certificates)
 * @param permissions permission names written to extension
 * {@value AdapterOids#PERMISSIONS}
 * @param unitId unit id written to extension {@value AdapterOids#UNIT_ID}, or
 * {@code null}
 * @param rolesInSubjectAltName whether roles are also written as SAN DNS entries
 * {@code role=<name>}
 * @param roleEncoding how the identity extensions are encoded
 * @param keyAlgorithm the key pair type of the new certificate
 */
public record CertificateRequest(String commonName, Instant notBefore, Instant notAfter, List<String> dnsNames,
		List<String> ipAddresses, List<String> roles, List<String> permissions, @Nullable String unitId,
		boolean rolesInSubjectAltName, RoleEncoding roleEncoding, KeyAlgorithm keyAlgorithm) {

	/** Validity of a certificate when none is given. */
	public static final Duration DEFAULT_VALIDITY = Duration.ofDays(365);

	/**
	 * How far before "now" validity starts, to tolerate clock differences between hosts.
	 */
	static final Duration BACKDATE = Duration.ofMinutes(5);

	public CertificateRequest {
		if (commonName.isBlank()) {
			throw new IllegalArgumentException("Certificate common name must not be blank");
		}
		if (!notAfter.isAfter(notBefore)) {
			throw new IllegalArgumentException(
					"Certificate notAfter (" + notAfter + ") must be after notBefore (" + notBefore + ")");
		}
		dnsNames = List.copyOf(dnsNames);
		ipAddresses = List.copyOf(ipAddresses);
		roles = List.copyOf(roles);
		permissions = List.copyOf(permissions);
	}

	/**
	 * Returns a request for the given common name, valid from a few minutes ago for
	 * {@link #DEFAULT_VALIDITY}, with an EC P-256 key and nothing else.
	 * @param commonName the subject common name
	 * @return the request
	 */
	public static CertificateRequest forName(String commonName) {
		Instant now = Instant.now();
		return new CertificateRequest(commonName, now.minus(BACKDATE), now.plus(DEFAULT_VALIDITY), List.of(), List.of(),
				List.of(), List.of(), null, false, RoleEncoding.RAW_UTF8, KeyAlgorithm.EC_P256);
	}

	/**
	 * @return a copy valid from a few minutes ago for the given duration
	 */
	public CertificateRequest withValidity(Duration validity) {
		Instant now = Instant.now();
		return withValidity(now.minus(BACKDATE), now.plus(validity));
	}

	/**
	 * @return a copy valid between the given instants
	 */
	public CertificateRequest withValidity(Instant from, Instant until) {
		return new CertificateRequest(this.commonName, from, until, this.dnsNames, this.ipAddresses, this.roles,
				this.permissions, this.unitId, this.rolesInSubjectAltName, this.roleEncoding, this.keyAlgorithm);
	}

	/**
	 * @return a copy with these subject alternative name DNS entries
	 */
	public CertificateRequest withDnsNames(String... names) {
		return new CertificateRequest(this.commonName, this.notBefore, this.notAfter, Arrays.asList(names),
				this.ipAddresses, this.roles, this.permissions, this.unitId, this.rolesInSubjectAltName,
				this.roleEncoding, this.keyAlgorithm);
	}

	/**
	 * @return a copy with these subject alternative name IP address literals
	 */
	public CertificateRequest withIpAddresses(String... addresses) {
		return new CertificateRequest(this.commonName, this.notBefore, this.notAfter, this.dnsNames,
				Arrays.asList(addresses), this.roles, this.permissions, this.unitId, this.rolesInSubjectAltName,
				this.roleEncoding, this.keyAlgorithm);
	}

	/**
	 * @return a copy carrying these roles
	 */
	public CertificateRequest withRoles(String... names) {
		return new CertificateRequest(this.commonName, this.notBefore, this.notAfter, this.dnsNames, this.ipAddresses,
				Arrays.asList(names), this.permissions, this.unitId, this.rolesInSubjectAltName, this.roleEncoding,
				this.keyAlgorithm);
	}

	/**
	 * @return a copy carrying these permissions
	 */
	public CertificateRequest withPermissions(String... names) {
		return new CertificateRequest(this.commonName, this.notBefore, this.notAfter, this.dnsNames, this.ipAddresses,
				this.roles, Arrays.asList(names), this.unitId, this.rolesInSubjectAltName, this.roleEncoding,
				this.keyAlgorithm);
	}

	/**
	 * @return a copy carrying this unit id, or none for {@code null}
	 */
	public CertificateRequest withUnitId(@Nullable String id) {
		return new CertificateRequest(this.commonName, this.notBefore, this.notAfter, this.dnsNames, this.ipAddresses,
				this.roles, this.permissions, id, this.rolesInSubjectAltName, this.roleEncoding, this.keyAlgorithm);
	}

	/**
	 * @return a copy that does (or does not) also write roles as SAN DNS entries
	 * {@code role=<name>}
	 */
	public CertificateRequest withRolesInSubjectAltName(boolean enabled) {
		return new CertificateRequest(this.commonName, this.notBefore, this.notAfter, this.dnsNames, this.ipAddresses,
				this.roles, this.permissions, this.unitId, enabled, this.roleEncoding, this.keyAlgorithm);
	}

	/**
	 * @return a copy whose identity extensions use the given encoding
	 */
	public CertificateRequest withRoleEncoding(RoleEncoding encoding) {
		return new CertificateRequest(this.commonName, this.notBefore, this.notAfter, this.dnsNames, this.ipAddresses,
				this.roles, this.permissions, this.unitId, this.rolesInSubjectAltName, encoding, this.keyAlgorithm);
	}

	/**
	 * @return a copy that generates a key of the given type
	 */
	public CertificateRequest withKeyAlgorithm(KeyAlgorithm algorithm) {
		return new CertificateRequest(this.commonName, this.notBefore, this.notAfter, this.dnsNames, this.ipAddresses,
				this.roles, this.permissions, this.unitId, this.rolesInSubjectAltName, this.roleEncoding, algorithm);
	}

}
