package dev.rpcadapter.security.cert;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;

import dev.rpcadapter.ca.CertificateRequest;
import dev.rpcadapter.ca.CertificateTool;
import dev.rpcadapter.ca.IssuedCertificate;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CertificateIdentityTests {

	private static final IssuedCertificate CA = CertificateTool.createCa(CertificateRequest.forName("Test CA"));

	@Test
	void rolesWrittenAsRawUtf8BytesAreRead() {
		X509Certificate certificate = client(CertificateRequest.forName("alice").withRoles("admin", "user"));

		assertThat(rawExtensionOctets(certificate, AdapterOids.ROLES))
			.isEqualTo("admin,user".getBytes(StandardCharsets.UTF_8));
		assertThat(CertificateIdentity.from(certificate).roles()).containsExactly("admin", "user");
	}

	@Test
	void rolesWrittenAsDerUtf8StringAreRead() {
		X509Certificate certificate = client(CertificateRequest.forName("bob")
			.withRoles("admin", "user")
			.withRoleEncoding(RoleEncoding.DER_UTF8_STRING));

		assertThat(rawExtensionOctets(certificate, AdapterOids.ROLES)[0]).isEqualTo((byte) 0x0C);
		assertThat(CertificateIdentity.from(certificate).roles()).containsExactly("admin", "user");
	}

	@Test
	void rolesWrittenAsDerPrintableStringOrIa5StringAreRead() throws Exception {
		X509Certificate printable = selfSigned("CN=printable", new DERPrintableString("chunker,embedder").getEncoded());
		X509Certificate ia5 = selfSigned("CN=ia5", new DERIA5String("techsup").getEncoded());

		assertThat(CertificateIdentity.from(printable).roles()).containsExactly("chunker", "embedder");
		assertThat(CertificateIdentity.from(ia5).roles()).containsExactly("techsup");
	}

	@Test
	void rolesAreTrimmedAndEmptyOrDuplicateEntriesDropped() throws Exception {
		X509Certificate certificate = selfSigned("CN=x", " admin, ,user,admin ".getBytes(StandardCharsets.UTF_8));

		assertThat(CertificateIdentity.from(certificate).roles()).containsExactly("admin", "user");
	}

	@Test
	void rolesExtensionThatIsNeitherUtf8NorDerIsRejected() throws Exception {
		X509Certificate certificate = selfSigned("CN=broken", new byte[] { (byte) 0xC3, (byte) 0x28 });

		assertThatIllegalArgumentException().isThrownBy(() -> CertificateIdentity.from(certificate))
			.withMessageContaining(AdapterOids.ROLES)
			.withMessageContaining("CN=broken");
	}

	@Test
	void sanRoleEntriesAreUsedWhenTheRolesExtensionIsAbsent() {
		X509Certificate certificate = client(
				CertificateRequest.forName("dave").withDnsNames("role=user", "role=viewer"));

		assertThat(certificate.getExtensionValue(AdapterOids.ROLES)).isNull();
		assertThat(CertificateIdentity.from(certificate).roles()).containsExactly("user", "viewer");
	}

	@Test
	void toolWritesRolesAsSanEntriesWhenAsked() throws Exception {
		X509Certificate certificate = client(
				CertificateRequest.forName("carol").withRoles("admin", "user").withRolesInSubjectAltName(true));

		assertThat(certificate.getSubjectAlternativeNames()).extracting((name) -> (Object) name.get(1))
			.containsExactly((Object) "role=admin", "role=user");
	}

	@Test
	void rolesExtensionWinsOverSanRoleEntries() {
		X509Certificate certificate = client(
				CertificateRequest.forName("erin").withRoles("admin").withDnsNames("role=user"));

		assertThat(CertificateIdentity.from(certificate).roles()).containsExactly("admin");
	}

	@Test
	void permissionsAndUnitIdAreRead() {
		X509Certificate certificate = client(CertificateRequest.forName("frank")
			.withRoles("user")
			.withPermissions("read", "write")
			.withUnitId("3f2b8c1e-0d4a-4c1b-9f7e-5a6b7c8d9e0f"));

		CertificateIdentity identity = CertificateIdentity.from(certificate);

		assertThat(identity.permissions()).containsExactly("read", "write");
		assertThat(identity.unitId()).isEqualTo("3f2b8c1e-0d4a-4c1b-9f7e-5a6b7c8d9e0f");
	}

	@Test
	void certificateWithoutIdentityDataHasNoRolesPermissionsOrUnitId() {
		CertificateIdentity identity = CertificateIdentity.from(client(CertificateRequest.forName("plain")));

		assertThat(identity).isEqualTo(new CertificateIdentity("plain", List.of(), List.of(), null));
	}

	@Test
	void principalIsTheFullSubjectWhenThereIsNoCommonName() throws Exception {
		X509Certificate certificate = selfSigned("O=Example,C=DE", "user".getBytes(StandardCharsets.UTF_8));

		assertThat(CertificateIdentity.from(certificate).principal()).isEqualTo("C=DE,O=Example");
	}

	private static X509Certificate client(CertificateRequest request) {
		return CertificateTool.issueClient(CA, request).certificate();
	}

	private static byte[] rawExtensionOctets(X509Certificate certificate, String oid) {
		return org.bouncycastle.asn1.ASN1OctetString.getInstance(certificate.getExtensionValue(oid)).getOctets();
	}

	private static X509Certificate selfSigned(String subject, byte[] rolesExtnValue) throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
		generator.initialize(256);
		KeyPair keyPair = generator.generateKeyPair();
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(new X500Name(subject), BigInteger.TEN,
				Date.from(now), Date.from(now.plus(1, ChronoUnit.DAYS)), new X500Name(subject), keyPair.getPublic());
		builder.addExtension(new ASN1ObjectIdentifier(AdapterOids.ROLES), false, rolesExtnValue);
		return new JcaX509CertificateConverter()
			.getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keyPair.getPrivate())));
	}

}
