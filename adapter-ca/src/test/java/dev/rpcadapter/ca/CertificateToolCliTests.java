package dev.rpcadapter.ca;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.rpcadapter.security.cert.CertificateIdentity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class CertificateToolCliTests {

	@TempDir
	Path directory;

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	@Test
	void createsCaServerAndClientThatChainTogether() throws Exception {
		assertThat(run("ca", "--out", dir())).isZero();
		assertThat(run("server", "--out", dir(), "--dns", "localhost,api.local", "--ip", "127.0.0.1")).isZero();
		assertThat(run("client", "--out", dir(), "--cn", "alice", "--roles", "admin,user", "--permissions", "read",
				"--unit-id", "u-1", "--days", "10"))
			.isZero();

		X509Certificate ca = certificate("ca.crt");
		X509Certificate server = certificate("server.crt");
		X509Certificate alice = certificate("alice.crt");
		server.verify(ca.getPublicKey());
		alice.verify(ca.getPublicKey());
		assertThat(Pem.readPrivateKey(this.directory.resolve("alice.key"))).isNotNull();
		assertThat(server.getSubjectAlternativeNames()).extracting((name) -> (Object) name.get(1))
			.containsExactly("localhost", "api.local", "127.0.0.1");
		assertThat(CertificateIdentity.from(alice))
			.isEqualTo(new CertificateIdentity("alice", List.of("admin", "user"), List.of("read"), "u-1"));
		assertThat(alice.getNotAfter().toInstant()).isBefore(Instant.now().plus(Duration.ofDays(11)));
		assertThat(output()).contains("alice.crt")
			.contains("serial " + alice.getSerialNumber().toString(16).toUpperCase());
	}

	@Test
	void clientRolesCanBeWrittenAsDerAndInSubjectAltNames() throws Exception {
		run("ca", "--out", dir(), "--key", "rsa");
		assertThat(run("client", "--out", dir(), "--cn", "bob", "--roles", "user", "--role-encoding", "der",
				"--san-roles", "--name", "bob-client"))
			.isZero();

		X509Certificate bob = certificate("bob-client.crt");

		assertThat(bob.getSigAlgName()).isEqualTo("SHA256withRSA");
		assertThat(CertificateIdentity.from(bob).roles()).containsExactly("user");
		assertThat(bob.getSubjectAlternativeNames()).extracting((name) -> (Object) name.get(1)).contains("role=user");
	}

	@Test
	void revokeAddsToTheExistingCrl() throws Exception {
		run("ca", "--out", dir());
		run("client", "--out", dir(), "--cn", "alice");
		X509Certificate alice = certificate("alice.crt");
		assertThat(run("crl", "--out", dir(), "--serial", "0A:0b")).isZero();

		assertThat(run("revoke", "--out", dir(), "--cert", this.directory.resolve("alice.crt").toString())).isZero();

		X509CRL crl = crl("ca.crl");
		crl.verify(certificate("ca.crt").getPublicKey());
		assertThat(crl.isRevoked(alice)).isTrue();
		assertThat(crl.getRevokedCertificate(BigInteger.valueOf(0x0a0b))).isNotNull();
		assertThat(output()).contains("2 revoked");
	}

	@Test
	void crlReplacesTheRevokedSerials() throws Exception {
		run("ca", "--out", dir());
		run("crl", "--out", dir(), "--serial", "ff");

		run("crl", "--out", dir(), "--days", "1");

		assertThat(crl("ca.crl").getRevokedCertificates()).isNull();
	}

	@Test
	void helpIsPrintedWithoutArguments() {
		assertThat(run()).isZero();
		assertThat(output()).contains("Usage: certificate-tool").contains("--roles");
		assertThat(run("client", "--help")).isZero();
	}

	@Test
	void badInputExitsWithTwoAndSaysWhatIsWrong() {
		assertThat(run("frobnicate")).isEqualTo(2);
		assertThat(errors()).contains("Unknown command 'frobnicate'").contains("certificate-tool help");
		assertThat(run("client", "--out", dir(), "--roles", "admin")).isEqualTo(2);
		assertThat(errors()).contains("'client' needs --cn");
		assertThat(run("ca", "--out", dir(), "--days", "zero")).isEqualTo(2);
		assertThat(errors()).contains("--days must be a positive whole number");
		assertThat(run("ca", "--out", dir(), "--color", "blue")).isEqualTo(2);
		assertThat(errors()).contains("Unknown option --color for 'ca'");
		assertThat(run("ca", "--out")).isEqualTo(2);
		assertThat(errors()).contains("Option --out needs a value");
	}

	@Test
	void missingCaIsExplained() {
		assertThat(run("server", "--out", dir())).isEqualTo(2);
		assertThat(errors()).contains("create them with 'certificate-tool ca'");
	}

	@Test
	void invalidValuesFailWithTheirMessage() {
		run("ca", "--out", dir());

		assertThat(run("server", "--out", dir(), "--ip", "not-an-ip")).isEqualTo(1);
		assertThat(errors()).contains("Not an IP address literal: 'not-an-ip'");
		assertThat(run("crl", "--out", dir(), "--serial", "xyz")).isEqualTo(2);
		assertThat(errors()).contains("--serial must be hexadecimal");
	}

	private int run(String... args) {
		this.out.reset();
		this.err.reset();
		return CertificateToolCli.run(args, new PrintStream(this.out, true, StandardCharsets.UTF_8),
				new PrintStream(this.err, true, StandardCharsets.UTF_8));
	}

	private String dir() {
		return this.directory.toString();
	}

	private String output() {
		return this.out.toString(StandardCharsets.UTF_8);
	}

	private String errors() {
		return this.err.toString(StandardCharsets.UTF_8);
	}

	private X509Certificate certificate(String name) {
		return Pem.readCertificates(this.directory.resolve(name)).get(0);
	}

	private X509CRL crl(String name) throws Exception {
		try (var in = Files.newInputStream(this.directory.resolve(name))) {
			return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(in);
		}
	}

}
