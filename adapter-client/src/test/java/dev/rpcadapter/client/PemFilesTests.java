package dev.rpcadapter.client;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PemFilesTests {

	@TempDir
	Path directory;

	@Test
	void certificateChainIsReadInFileOrder() {
		TestCertificates certificates = TestCertificates.create(this.directory);
		assertThat(PemFiles.readCertificates(certificates.clientCertificatePem())).hasSize(2)
			.last()
			.isEqualTo(certificates.caCertificate());
	}

	@Test
	void pkcs8EcAndRsaKeysAreRead() throws Exception {
		Path ec = write("ec.pem", TestCertificates.pkcs8Pem(TestCertificates.ecKeys().getPrivate()));
		KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
		rsa.initialize(2048);
		PrivateKey rsaKey = rsa.generateKeyPair().getPrivate();
		Path rsaFile = write("rsa.pem", TestCertificates.pkcs8Pem(rsaKey));
		assertThat(PemFiles.readPrivateKey(ec).getAlgorithm()).isEqualTo("EC");
		assertThat(PemFiles.readPrivateKey(rsaFile).getEncoded()).isEqualTo(rsaKey.getEncoded());
	}

	@Test
	void pkcs1KeyIsRejectedWithConversionHint() throws Exception {
		Path file = write("rsa1.pem", TestCertificates.pem("RSA PRIVATE KEY", new byte[] { 1, 2, 3 }));
		assertThatIllegalArgumentException().isThrownBy(() -> PemFiles.readPrivateKey(file))
			.withMessageContaining("openssl pkcs8 -topk8");
	}

	@Test
	void fileWithoutCertificateIsRejectedNamingTheFile() throws Exception {
		Path file = write("empty.pem", "nothing here\n");
		assertThatIllegalArgumentException().isThrownBy(() -> PemFiles.readCertificates(file))
			.withMessageContaining("empty.pem");
		assertThatIllegalArgumentException().isThrownBy(() -> PemFiles.readPrivateKey(file))
			.withMessageContaining("PRIVATE KEY");
	}

	@Test
	void mismatchedClientKeyAlgorithmIsRejected() throws Exception {
		TestCertificates certificates = TestCertificates.create(this.directory);
		KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
		rsa.initialize(2048);
		Path rsaKey = write("rsa.pem", TestCertificates.pkcs8Pem(rsa.generateKeyPair().getPrivate()));
		TlsMaterial.Builder tls = TlsMaterial.builder();
		tls.clientPem(certificates.clientCertificatePem(), rsaKey);
		assertThatIllegalArgumentException().isThrownBy(() -> SslContexts.create(tls.build()))
			.withMessageContaining("does not match");
	}

	private Path write(String name, String content) throws Exception {
		return Files.writeString(this.directory.resolve(name), content);
	}

}
