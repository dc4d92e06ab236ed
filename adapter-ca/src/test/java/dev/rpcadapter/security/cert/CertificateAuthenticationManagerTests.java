package dev.rpcadapter.security.cert;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;

import dev.rpcadapter.ca.CertificateRequest;
import dev.rpcadapter.ca.CertificateTool;
import dev.rpcadapter.ca.IssuedCertificate;
import dev.rpcadapter.security.Roles;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CertificateAuthenticationManagerTests {

	private static final IssuedCertificate CA = CertificateTool.createCa(CertificateRequest.forName("Test CA"));

	private final CertificateAuthenticationManager manager = new CertificateAuthenticationManager();

	@Test
	void clientCertificateAuthenticatesWithItsRoles() {
		X509Certificate alice = CertificateTool
			.issueClient(CA, CertificateRequest.forName("alice").withRoles("admin", "user"))
			.certificate();

		Authentication result = this.manager.authenticate(new PreAuthenticatedAuthenticationToken("CN=alice", alice))
			.block();

		assertThat(result).isInstanceOfSatisfying(CertificateAuthentication.class, (authentication) -> {
			assertThat(authentication.isAuthenticated()).isTrue();
			assertThat(authentication.getName()).isEqualTo("alice");
			assertThat(authentication.roles()).containsExactly("admin", "user");
			assertThat(Roles.of(authentication)).containsExactlyInAnyOrder("admin", "user");
			assertThat(authentication.getCredentials()).isEqualTo(alice);
		});
	}

	@Test
	void seedRoleNamesAreLowerCasedAndAllOrAnyMeanTheWildcard() {
		X509Certificate seed = CertificateTool
			.issueClient(CA, CertificateRequest.forName("seed").withRoles("MCPProxy", "all", "Any"))
			.certificate();

		Authentication result = new CertificateAuthenticationManager("other")
			.authenticate(new PreAuthenticatedAuthenticationToken("CN=seed", seed))
			.block();

		assertThat(Roles.of(result)).containsExactlyInAnyOrder("mcpproxy", "*");
	}

	@Test
	void certificateWithoutRolesGetsTheDefaultRole() {
		X509Certificate plain = CertificateTool.issueClient(CA, CertificateRequest.forName("plain")).certificate();

		Authentication seedStyle = new CertificateAuthenticationManager("other")
			.authenticate(new PreAuthenticatedAuthenticationToken("CN=plain", plain))
			.block();
		Authentication none = this.manager.authenticate(new PreAuthenticatedAuthenticationToken("CN=plain", plain))
			.block();

		assertThat(Roles.of(seedStyle)).containsExactly("other");
		assertThat(Roles.of(none)).isEmpty();
	}

	@Test
	void unreadableRolesExtensionFailsAuthentication() throws Exception {
		X509Certificate broken = selfSignedWithRoles(new byte[] { (byte) 0xFF, (byte) 0xFE });

		assertThatExceptionOfType(BadCredentialsException.class)
			.isThrownBy(() -> this.manager.authenticate(new PreAuthenticatedAuthenticationToken("x", broken)).block())
			.withMessage("Unreadable client certificate");
	}

	@Test
	void otherAuthenticationsAreLeftToOtherManagers() {
		assertThat(this.manager.authenticate(new PreAuthenticatedAuthenticationToken("x", "not a certificate"))
			.blockOptional()).isEmpty();
		assertThat(this.manager.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("u", "p"))
			.blockOptional()).isEmpty();
	}

	@Test
	void authenticationCannotBeMarkedAuthenticatedFromOutside() {
		CertificateAuthentication authentication = CertificateAuthentication
			.of(CertificateTool.issueClient(CA, CertificateRequest.forName("bob")).certificate());

		assertThatIllegalArgumentException().isThrownBy(() -> authentication.setAuthenticated(true));
	}

	private static X509Certificate selfSignedWithRoles(byte[] value) throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
		generator.initialize(256);
		KeyPair keyPair = generator.generateKeyPair();
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		X500Name subject = new X500Name("CN=broken");
		X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, BigInteger.ONE, Date.from(now),
				Date.from(now.plus(1, ChronoUnit.DAYS)), subject, keyPair.getPublic());
		builder.addExtension(new ASN1ObjectIdentifier(AdapterOids.ROLES), false, value);
		return new JcaX509CertificateConverter()
			.getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keyPair.getPrivate())));
	}

}
