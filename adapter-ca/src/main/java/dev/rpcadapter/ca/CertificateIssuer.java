package dev.rpcadapter.ca;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import dev.rpcadapter.security.cert.AdapterOids;
import dev.rpcadapter.security.cert.RoleEncoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.jspecify.annotations.Nullable;

/**
 * Builds and signs certificates with Bouncy Castle.
 */
final class CertificateIssuer {

	private static final SecureRandom RANDOM = new SecureRandom();

	private CertificateIssuer() {
	}

	static IssuedCertificate issue(Profile profile, CertificateRequest request, @Nullable IssuedCertificate issuer) {
		KeyPair keyPair = generateKeyPair(request.keyAlgorithm());
		X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, request.commonName()).build();
		X500Name issuerName = (issuer != null)
				? X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded()) : subject;
		try {
			X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuerName, newSerialNumber(),
					Date.from(request.notBefore()), Date.from(request.notAfter()), subject, keyPair.getPublic());
			addStandardExtensions(builder, profile, keyPair.getPublic(), issuer);
			addSubjectAltNames(builder, request);
			addIdentityExtensions(builder, request);
			PrivateKey signingKey = (issuer != null) ? issuer.privateKey() : keyPair.getPrivate();
			X509Certificate certificate = new JcaX509CertificateConverter()
				.getCertificate(builder.build(Signers.sha256(signingKey)));
			return new IssuedCertificate(certificate, keyPair.getPrivate(), chainOf(certificate, issuer));
		}
		catch (CertIOException | GeneralSecurityException ex) {
			throw new IllegalStateException(
					"Cannot create certificate for " + request.commonName() + ": " + ex.getMessage(), ex);
		}
	}

	private static List<X509Certificate> chainOf(X509Certificate certificate, @Nullable IssuedCertificate issuer) {
		List<X509Certificate> chain = new ArrayList<>();
		chain.add(certificate);
		if (issuer != null) {
			chain.addAll(issuer.chain());
		}
		return chain;
	}

	static BigInteger newSerialNumber() {
		return new BigInteger(127, RANDOM).add(BigInteger.ONE);
	}

	private static void addStandardExtensions(X509v3CertificateBuilder builder, Profile profile, PublicKey publicKey,
			@Nullable IssuedCertificate issuer) throws CertIOException, GeneralSecurityException {
		JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
		builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(profile.isCa()));
		builder.addExtension(Extension.keyUsage, true, new KeyUsage(profile.keyUsage()));
		if (profile.extendedKeyUsages().length > 0) {
			builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(profile.extendedKeyUsages()));
		}
		builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(publicKey));
		PublicKey authorityKey = (issuer != null) ? issuer.certificate().getPublicKey() : publicKey;
		builder.addExtension(Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(authorityKey));
	}

	private static void addSubjectAltNames(X509v3CertificateBuilder builder, CertificateRequest request)
			throws CertIOException {
		List<GeneralName> names = new ArrayList<>();
		request.dnsNames().forEach((name) -> names.add(new GeneralName(GeneralName.dNSName, name)));
		for (String address : request.ipAddresses()) {
			try {
				names.add(new GeneralName(GeneralName.iPAddress, address));
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException("Not an IP address literal: '" + address + "'", ex);
			}
		}
		if (request.rolesInSubjectAltName()) {
			request.roles()
				.forEach((role) -> names.add(new GeneralName(GeneralName.dNSName, AdapterOids.SAN_ROLE_PREFIX + role)));
		}
		if (!names.isEmpty()) {
			builder.addExtension(Extension.subjectAlternativeName, false,
					new GeneralNames(names.toArray(GeneralName[]::new)));
		}
	}

	private static void addIdentityExtensions(X509v3CertificateBuilder builder, CertificateRequest request)
			throws CertIOException {
		if (!request.roles().isEmpty()) {
			addText(builder, AdapterOids.ROLES, String.join(",", request.roles()), request.roleEncoding());
		}
		if (!request.permissions().isEmpty()) {
			addText(builder, AdapterOids.PERMISSIONS, String.join(",", request.permissions()), request.roleEncoding());
		}
		String unitId = request.unitId();
		if (unitId != null) {
			addText(builder, AdapterOids.UNIT_ID, unitId, request.roleEncoding());
		}
	}

	private static void addText(X509v3CertificateBuilder builder, String oid, String value, RoleEncoding encoding)
			throws CertIOException {
		ASN1ObjectIdentifier identifier = new ASN1ObjectIdentifier(oid);
		if (encoding == RoleEncoding.DER_UTF8_STRING) {
			builder.addExtension(identifier, false, new DERUTF8String(value));
		}
		else {
			// the byte[] variant puts these bytes directly into the extnValue OCTET
			// STRING
			builder.addExtension(identifier, false, value.getBytes(StandardCharsets.UTF_8));
		}
	}

	private static KeyPair generateKeyPair(KeyAlgorithm algorithm) {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm.jcaName());
			generator.initialize(algorithm.keySize(), RANDOM);
			return generator.generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot generate a " + algorithm + " key pair", ex);
		}
	}

}
