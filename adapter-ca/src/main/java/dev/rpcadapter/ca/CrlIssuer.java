package dev.rpcadapter.ca;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.cert.X509CRL;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;

/**
 * Builds and signs certificate revocation lists with Bouncy Castle.
 */
final class CrlIssuer {

	private CrlIssuer() {
	}

	static X509CRL issue(IssuedCertificate issuer, CrlRequest request) {
		X500Name issuerName = X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded());
		X509v2CRLBuilder builder = new X509v2CRLBuilder(issuerName, Date.from(request.thisUpdate()));
		builder.setNextUpdate(Date.from(request.nextUpdate()));
		Date revocationDate = Date.from(request.thisUpdate());
		for (BigInteger serial : request.revokedSerials()) {
			builder.addCRLEntry(serial, revocationDate, CRLReason.unspecified);
		}
		try {
			builder.addExtension(Extension.cRLNumber, false,
					new CRLNumber(BigInteger.valueOf(request.thisUpdate().toEpochMilli())));
			builder.addExtension(Extension.authorityKeyIdentifier, false,
					new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(issuer.certificate()));
			return new JcaX509CRLConverter().getCRL(builder.build(Signers.sha256(issuer.privateKey())));
		}
		catch (CertIOException | GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot create a CRL for " + issuer.certificate().getSubjectX500Principal()
					+ ": " + ex.getMessage(), ex);
		}
	}

}
