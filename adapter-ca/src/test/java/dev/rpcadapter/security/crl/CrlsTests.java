package dev.rpcadapter.security.crl;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509CRL;

import dev.rpcadapter.ca.CertificateRequest;
import dev.rpcadapter.ca.CertificateTool;
import dev.rpcadapter.ca.CrlRequest;
import dev.rpcadapter.ca.IssuedCertificate;
import dev.rpcadapter.ca.Pem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CrlsTests {

	private static final IssuedCertificate CA = CertificateTool.createCa(CertificateRequest.forName("Test CA"));

	private static final X509CRL CRL = CertificateTool.createCrl(CA, CrlRequest.revoking(java.math.BigInteger.TWO));

	@TempDir
	Path directory;

	@Test
	void pemFileIsLoaded() throws Exception {
		Path file = Files.writeString(this.directory.resolve("ca.crl"), Pem.encode(CRL));

		assertThat(Crls.load(file)).containsExactly(CRL);
	}

	@Test
	void derFileIsLoaded() throws Exception {
		Path file = Files.write(this.directory.resolve("ca.crl.der"), CRL.getEncoded());

		assertThat(Crls.load(file)).containsExactly(CRL);
	}

	@Test
	void missingFileNamesThePathAndHowToFixIt() {
		Path file = this.directory.resolve("missing.crl");

		assertThatExceptionOfType(CrlException.class).isThrownBy(() -> Crls.load(file))
			.withMessageContaining(file.toAbsolutePath().toString())
			.withMessageContaining("does not exist")
			.withMessageContaining("PEM or DER X.509 CRL")
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(CrlException.Reason.UNREADABLE))
			.satisfies((ex) -> assertThat(ex.source()).isEqualTo(file.toAbsolutePath().toString()));
	}

	@Test
	void fileThatIsNotACrlIsUnreadable() throws Exception {
		Path file = Files.writeString(this.directory.resolve("ca.crl"), CA.certificatePem());

		assertThatExceptionOfType(CrlException.class).isThrownBy(() -> Crls.load(file))
			.withMessageContaining(file.toAbsolutePath().toString())
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(CrlException.Reason.UNREADABLE));
	}

	@Test
	void emptyBytesAreUnreadable() {
		assertThatExceptionOfType(CrlException.class)
			.isThrownBy(() -> Crls.parse("".getBytes(StandardCharsets.US_ASCII), "config value"))
			.withMessageContaining("CRL config value");
	}

}
