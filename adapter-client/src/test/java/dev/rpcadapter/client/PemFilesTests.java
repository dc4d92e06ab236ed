package dev.rpcadapter.client;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.util.Base64;

import dev.rpcadapter.ca.Pem;
import dev.rpcadapter.test.TestCertificates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PemFilesTests {

	@TempDir
	Path directory;

	@Test
	void certificateChainIsReadInFileOrder() {
		TestCertificates certificates = new TestCertificates(this.directory);
		Path chain = certificates.write(certificates.client("client"), "client").certificate();
		assertThat(PemFiles.readCertificates(chain)).hasSize(2).last().isEqualTo(certificates.ca().certificate());
	}

	@Test
	void pkcs8EcAndRsaKeysAreRead() throws Exception {
		Path ec = write("ec.pem", Pem.encode(ecKeys().getPrivate()));
		KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
		rsa.initialize(2048);
		PrivateKey rsaKey = rsa.generateKeyPair().getPrivate();
		Path rsaFile = write("rsa.pem", Pem.encode(rsaKey));
		assertThat(PemFiles.readPrivateKey(ec).getAlgorithm()).isEqualTo("EC");
		assertThat(PemFiles.readPrivateKey(rsaFile).getEncoded()).isEqualTo(rsaKey.getEncoded());
	}

	@Test
	void pkcs1KeyIsRejectedWithConversionHint() throws Exception {
		Path file = write("rsa1.pem", pem("RSA PRIVATE KEY", new byte[] { 1, 2, 3 }));
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
		TestCertificates certificates = new TestCertificates(this.directory);
		Path clientChain = certificates.write(certificates.client("client"), "client").certificate();
		KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
		rsa.initialize(2048);
		Path rsaKey = write("rsa.pem", Pem.encode(rsa.generateKeyPair().getPrivate()));
		TlsMaterial.Builder tls = TlsMaterial.builder();
		tls.clientPem(clientChain, rsaKey);
		assertThatIllegalArgumentException().isThrownBy(() -> SslContexts.create(tls.build()))
			.withMessageContaining("does not match");
	}

	private Path write(String name, String content) throws Exception {
		return Files.writeString(this.directory.resolve(name), content);
	}

	private static String pem(String type, byte[] der) {
		String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
		return "-----BEGIN " + type + "-----\n" + base64 + "\n-----END " + type + "-----\n";
	}

	private static KeyPair ecKeys() throws GeneralSecurityException {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
		generator.initialize(256);
		return generator.generateKeyPair();
	}

}
